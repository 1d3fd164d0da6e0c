// Helpers for tests of PostgreSQL's row and advisory locks (imported only by *.test.ts files).
import type pg from 'pg';
import { db } from '@/lib/db/client';
import { drive, postgresPool, toPostgresSql } from '@/lib/db/postgres/run-postgres';
import { postgresTxOf, type Step, type Tx } from '@/lib/db/tx';

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

/**
 * A write transaction held open on a connection of its own: `body` runs in it, then `meanwhile` runs
 * while it is still open (its locks held, its Tx.addAtEnd adds not yet written), then the adds are
 * written and it commits, as writePostgres would. Returns what `body` returned.
 */
export async function whileOpen<T>(body: (t: Tx) => Step<T>, meanwhile: () => Promise<void>): Promise<T> {
  const conn = await postgresPool(db)!.connect();
  try {
    await conn.query('BEGIN');
    const tx = postgresTxOf(0);
    const result = await drive(conn, body, tx);
    await meanwhile();
    for (const q of tx.atEnd()) await conn.query(toPostgresSql(q.sql), q.params);
    await conn.query('COMMIT');
    return result;
  } finally {
    conn.release();
  }
}
