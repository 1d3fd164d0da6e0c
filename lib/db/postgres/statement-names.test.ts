import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { dialectOf, postgresTxOf, type Tx } from '@/lib/db/tx';
import { postgresPool } from '@/lib/db/postgres/run-postgres';

// Next bundles each route handler with its own copy of run-postgres.ts, and the copies share the pool's
// connections. The named prepared statements must therefore be named once per process, not per copy:
// two copies that each called their first text parley_0 made a connection refuse the second text.

type RunPostgres = typeof import('@/lib/db/postgres/run-postgres');

async function freshCopy(): Promise<RunPostgres> {
  vi.resetModules();
  return import('@/lib/db/postgres/run-postgres');
}

describe.skipIf(dialectOf(db) !== 'postgres')('prepared statement names', () => {
  it('two copies of the module give two texts two names on one connection', async () => {
    const [first, second] = [await freshCopy(), await freshCopy()];
    expect(first).not.toBe(second);
    // Texts no other test runs, so neither already has a name from an earlier statement in this process.
    const texts = [`SELECT 1 + ? AS "n" /* copy one ${Date.now()} */`, `SELECT 2 + ? AS "n" /* copy two ${Date.now()} */`];
    const conn = await postgresPool(db)!.connect();
    try {
      const tx = postgresTxOf(0);
      const [a, b] = [
        await first.drive(conn, (t: Tx) => t.one<{ n: number }>(texts[0], 10), tx),
        await second.drive(conn, (t: Tx) => t.one<{ n: number }>(texts[1], 10), tx),
      ];
      expect([Number(a?.n), Number(b?.n)]).toEqual([11, 12]);
      // Each text was prepared on the connection under a name of its own.
      const { rows } = await conn.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements');
      const nameOf = (marker: string) => rows.filter((r) => r.statement.includes(marker)).map((r) => r.name);
      const [one, two] = [nameOf('copy one'), nameOf('copy two')];
      expect(one).toHaveLength(1);
      expect(two).toHaveLength(1);
      expect(one[0]).not.toBe(two[0]);
    } finally {
      conn.release();
    }
  });
});
