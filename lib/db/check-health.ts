import type { Db } from '@/lib/db/client';
import { listMigrations } from '@/lib/db/migrations';

export type Health = {
  status: 'ok' | 'error';
  database: { status: 'up' | 'down'; provider: string; migrations: { applied: number; expected: number }; latencyMs?: number; error?: string };
  time: string;
};

export async function checkHealth(db: Db): Promise<Health> {
  const started = performance.now();
  const expected = listMigrations().length;
  try {
    const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
      'SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = Number(rows[0]?.n ?? 0);
    const ok = applied >= expected;
    return {
      status: ok ? 'ok' : 'error',
      database: {
        status: 'up',
        provider: 'sqlite',
        migrations: { applied, expected },
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        ...(ok ? {} : { error: 'pending migrations' }),
      },
      time: new Date().toISOString(),
    };
  } catch (err) {
    return {
      status: 'error',
      database: { status: 'down', provider: 'sqlite', migrations: { applied: 0, expected }, error: (err as Error).message },
      time: new Date().toISOString(),
    };
  }
}
