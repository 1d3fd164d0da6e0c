import { readNow, type Sqlite, statement, writeTransaction } from '@/lib/db/sql';
import type { Body, Dialect, Query, Step, Tx } from '@/lib/db/tx-types';
import { postgresPool, readPostgres, writePostgres } from '@/lib/db/postgres/run-postgres';

export { isWriteConflict } from '@/lib/db/postgres/run-postgres';

// One body of SQL for both databases. A body is a generator that yields its statements (`yield* t.one(…)`)
// and gets their results back: on SQLite it is driven synchronously, inside the group-committed write
// transaction of lib/db/sql.ts (so it still never awaits and keeps the fast path's speed), and on
// PostgreSQL it is driven asynchronously, one awaited query at a time, in a transaction of its own.
// Statements use `?` placeholders (numbered `$n` for PostgreSQL by the driver); rows read the same on
// both (dates as Prisma's SQLite text, booleans as 0/1, JSON as text: lib/db/postgres/types.ts).

export type { Body, Dialect, Query, Step, Tx } from '@/lib/db/tx-types';
type Client = { $connect(): Promise<void> };

function makeTx(dialect: Dialect, shard = 0): Tx {
  const tx: Tx = {
    dialect,
    shard,
    *one<T>(sql: string, ...params: unknown[]): Step<T | undefined> {
      return (yield { op: 'one', sql, params }) as T | undefined;
    },
    *all<T>(sql: string, ...params: unknown[]): Step<T[]> {
      return (yield { op: 'all', sql, params }) as T[];
    },
    *run(sql: string, ...params: unknown[]): Step<number> {
      return (yield { op: 'run', sql, params }) as number;
    },
    *savepoint<T>(body: Body<T>): Step<T> {
      yield { op: 'run', sql: 'SAVEPOINT parley_part', params: [] };
      let result: T;
      try {
        result = yield* body(tx);
      } catch (err) {
        yield { op: 'run', sql: 'ROLLBACK TO SAVEPOINT parley_part', params: [] };
        yield { op: 'run', sql: 'RELEASE SAVEPOINT parley_part', params: [] };
        throw err;
      }
      yield { op: 'run', sql: 'RELEASE SAVEPOINT parley_part', params: [] };
      return result;
    },
  };
  return tx;
}

export const sqliteTx = makeTx('sqlite');
export const postgresTx = makeTx('postgres');
const postgresTxs = new Map<number, Tx>();

/** The PostgreSQL Tx of a connection writing into `shard`: one object per shard, made once. */
export function postgresTxOf(shard: number): Tx {
  let tx = postgresTxs.get(shard);
  if (!tx) {
    tx = makeTx('postgres', shard);
    postgresTxs.set(shard, tx);
  }
  return tx;
}

function runSqlite(conn: Sqlite, q: Query): unknown {
  const stmt = statement(conn, q.sql);
  if (q.op === 'one') return stmt.get(...q.params);
  if (q.op === 'all') return stmt.all(...q.params);
  return stmt.run(...q.params).changes;
}

/** Drives a body to its end on a SQLite connection, synchronously. */
export function driveSqlite<T>(conn: Sqlite, body: Body<T>): T {
  const it = body(sqliteTx);
  let next = it.next();
  while (!next.done) {
    let result: unknown;
    try {
      result = runSqlite(conn, next.value);
    } catch (err) {
      next = it.throw(err);
      continue;
    }
    next = it.next(result);
  }
  return next.value;
}

export type WriteOptions = {
  /**
   * PostgreSQL only. 'serializable' (the default) is what SQLite gives every write: a read-check-write
   * needs no lock of its own, and a conflict runs the body again. 'read committed' for bodies whose
   * concurrency is their own (SKIP LOCKED claims, single-statement upserts), which must not be retried.
   */
  isolation?: 'serializable' | 'read committed';
  /** PostgreSQL only: how many times a conflicting body runs before the conflict is the caller's (a 503). */
  attempts?: number;
};

const ATTEMPTS = 12;

/**
 * For the bodies that meet on the same counter rows (every send, receipt and inbound message adds to the
 * account's rollup buckets and the month's volume): under a burst on PostgreSQL each round commits one
 * of them and the others run again, so they are given more tries before a conflict is the caller's.
 */
export const CONTENDED: WriteOptions = { attempts: ATTEMPTS * 8 };

/**
 * Runs `body` as one write transaction and resolves with its result once committed; a throw rolls back
 * what it wrote and rejects. On PostgreSQL a body may be run more than once (a serialization conflict
 * runs it again), so it must not change anything but the database.
 */
export async function write<T>(client: Client, body: Body<T>, options: WriteOptions = {}): Promise<T> {
  const pool = postgresPool(client);
  if (pool) return writePostgres(pool, body, postgresTxOf, options.isolation ?? 'serializable', options.attempts ?? ATTEMPTS);
  return writeTransaction(client, (conn) => driveSqlite(conn, body));
}

/** Runs `body`'s reads on committed data, outside any write transaction. */
export async function read<T>(client: Client, body: Body<T>): Promise<T> {
  const pool = postgresPool(client);
  if (pool) return readPostgres(pool, body, postgresTx);
  return readNow(client, (conn) => driveSqlite(conn, body));
}

/** The dialect `client` speaks, for the few statements that must differ. */
export function dialectOf(client: Client): Dialect {
  return postgresPool(client) ? 'postgres' : 'sqlite';
}
