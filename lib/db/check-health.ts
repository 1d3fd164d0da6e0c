import type { Db } from '@/lib/db/client';
import { listMigrations, MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR } from '@/lib/db/migrations';
import { dialectOf, read } from '@/lib/db/tx';

export type Health = {
  status: 'ok' | 'error';
  database: { status: 'up' | 'down'; provider: string; migrations: { applied: number; expected: number }; latencyMs?: number; error?: string };
  time: string;
};

export async function checkHealth(db: Db): Promise<Health> {
  const started = performance.now();
  const postgres = dialectOf(db) === 'postgres';
  const provider = postgres ? 'postgresql' : 'sqlite';
  // Each database has its own migration history (PostgreSQL's starts from a baseline).
  const expected = listMigrations(postgres ? POSTGRES_MIGRATIONS_DIR : MIGRATIONS_DIR).length;
  try {
    const row = await read(db, (t) =>
      t.one<{ n: number }>('SELECT COUNT(*) AS "n" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL'),
    );
    const applied = Number(row?.n ?? 0);
    const ok = applied >= expected;
    return {
      status: ok ? 'ok' : 'error',
      database: {
        status: 'up',
        provider,
        migrations: { applied, expected },
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        ...(ok ? {} : { error: 'pending migrations' }),
      },
      time: new Date().toISOString(),
    };
  } catch (err) {
    return {
      status: 'error',
      database: { status: 'down', provider, migrations: { applied: 0, expected }, error: (err as Error).message },
      time: new Date().toISOString(),
    };
  }
}
