import crypto from 'node:crypto';
import pg from 'pg';
import { listMigrations, type MigrateResult, type Migration, POSTGRES_MIGRATIONS_DIR } from '@/lib/db/migrations';

// Prisma's own bookkeeping table, with the types `prisma migrate deploy` gives it on PostgreSQL, so
// either tool can take over a database the other migrated.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Held for the whole run: processes starting together apply each migration once, one after another.
const LOCK_KEY = 72_707_369; // "parley" in no particular encoding: any constant all Parley processes share

/**
 * Applies prisma/postgres/migrations in order, each in its own transaction (PostgreSQL's DDL is
 * transactional: a failed migration leaves nothing behind), recorded in `_prisma_migrations`. A
 * migration changed after it was applied is refused.
 */
export async function applyMigrationsPostgres(url: string, migrations: Migration[] = listMigrations(POSTGRES_MIGRATIONS_DIR)): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const done = new Map(
      (
        await client.query<{ migration_name: string; checksum: string }>(
          'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
      ).rows.map((r) => [r.migration_name, r.checksum]),
    );
    const applied: string[] = [];
    for (const m of migrations) {
      const known = done.get(m.name);
      if (known) {
        if (known !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied`);
        continue;
      }
      const started = new Date();
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)',
          [crypto.randomUUID(), m.checksum, m.name, started],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
      applied.push(m.name);
    }
    return { applied, pending: 0 };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
