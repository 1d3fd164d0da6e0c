import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

// Applies prisma/migrations/*/migration.sql in order and records each in Prisma's own
// `_prisma_migrations` table, so `prisma migrate deploy` agrees on machines that can run it.

export type Migration = { name: string; sql: string; checksum: string };

// The migrations ship beside the app, not inside the build. PostgreSQL's are made from the same
// schema by scripts/db-migrate.ts, in step with SQLite's.
export const MIGRATIONS_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'prisma/migrations');
export const POSTGRES_MIGRATIONS_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'prisma/postgres/migrations');

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export type MigrateResult = { applied: string[]; pending: number };

export function applyMigrationsSqlite(file: string, migrations = listMigrations()): MigrateResult {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const conn = new Database(file, { timeout: 30_000 });
  try {
    conn.pragma('journal_mode = WAL');
    conn.exec(CREATE_TABLE);
    const done = new Map(
      (
        conn.prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as {
          migration_name: string;
          checksum: string;
        }[]
      ).map((r) => [r.migration_name, r.checksum]),
    );
    const applied: string[] = [];
    for (const m of migrations) {
      const known = done.get(m.name);
      if (known) {
        if (known !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied`);
        continue;
      }
      // IMMEDIATE: two processes starting together must not both apply the same migration.
      const run = conn.transaction(() => {
        const again = conn.prepare('SELECT 1 FROM _prisma_migrations WHERE migration_name = ? AND finished_at IS NOT NULL').get(m.name);
        if (again) return false;
        const started = new Date().toISOString();
        conn.exec(m.sql);
        conn
          .prepare(
            'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
          )
          .run(crypto.randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
        return true;
      });
      if (run.immediate()) applied.push(m.name);
    }
    return { applied, pending: 0 };
  } finally {
    conn.close();
  }
}
