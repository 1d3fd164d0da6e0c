// Helpers for tests of PostgreSQL's row and advisory locks (imported only by *.test.ts files).
import type pg from 'pg';
import { db } from '@/lib/db/client';
import { postgresPool } from '@/lib/db/postgres/run-postgres';

/** Runs `sql` in a transaction of a connection of its own, which keeps its locks until `release` commits it. */
export async function hold(sql: string, params: unknown[]): Promise<{ release(): Promise<void> }> {
  const conn: pg.PoolClient = await postgresPool(db)!.connect();
  await conn.query('BEGIN');
  await conn.query(sql, params);
  return {
    async release() {
      await conn.query('COMMIT');
      conn.release();
    },
  };
}

/** Holds the advisory lock of lib/db/tx-locks.ts's lockKey(scope, key). */
export const holdKey = (scope: string, key: string) => hold('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [scope, key]);

/** Whether `p` is still pending after `ms`. */
export async function stillPending(p: Promise<unknown>, ms = 400): Promise<boolean> {
  let settled = false;
  void p.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((r) => setTimeout(r, ms));
  return !settled;
}
