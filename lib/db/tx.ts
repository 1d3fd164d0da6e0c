import { readNow, type Sqlite, statement, writeTransaction } from '@/lib/db/sql';
import type { Body, Dialect, Query, Step, Tx } from '@/lib/db/tx-types';
import { postgresPool, readPostgres, writePostgres } from '@/lib/db/postgres/run-postgres';

export { isWriteConflict } from '@/lib/db/postgres/run-postgres';

// One body of SQL for both databases. A body is a generator that yields its statements (`yield* t.one(…)`)
// and gets their results back: on SQLite each statement runs synchronously as it is called, inside the
// group-committed write transaction of lib/db/sql.ts (so a body never awaits and keeps the fast path's
// speed), and on PostgreSQL the body is driven asynchronously, one awaited query at a time, in a
// transaction of its own.
// Statements use `?` placeholders (numbered `$n` for PostgreSQL by the driver); rows read the same on
// both (dates as Prisma's SQLite text, booleans as 0/1, JSON as text: lib/db/postgres/types.ts).

export type { Body, Dialect, Query, Step, Tx } from '@/lib/db/tx-types';
type Client = { $connect(): Promise<void> };

type AtEnd = { sql: string; amounts: number[]; params: unknown[] };

// PostgreSQL's Tx: each statement is yielded to the driver (lib/db/postgres/run-postgres.ts), which awaits it.
// One per transaction: it carries the transaction's addAtEnd sums, which the driver writes before COMMIT.
function makePostgresTx(shard: number): Tx & { atEnd(): Query[] } {
  let adds = new Map<string, AtEnd>();
  let unreleased = 0; // parts that ended without their RELEASE sent yet
  const releases = () => {
    const text = 'RELEASE SAVEPOINT parley_part; '.repeat(unreleased);
    unreleased = 0;
    return text;
  };
  const tx: Tx & { atEnd(): Query[] } = {
    dialect: 'postgres',
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
      // What the savepoint adds at the end goes with it when it rolls back.
      const before = new Map([...adds].map(([k, a]) => [k, { ...a, amounts: [...a.amounts] }]));
      // Each control statement is a round trip, and an inbound message runs a part per consumer, most of
      // which write nothing. So the savepoint is opened only when its part issues its first statement, and
      // a part that succeeded is released with the next control statement (or by COMMIT) rather than on
      // its own: until then its statements and the ones after it share its subtransaction, which commits
      // with them; nothing rolls back to it once it has ended.
      const part = body(tx);
      let opened = false;
      let result: T;
      try {
        let step = part.next();
        while (!step.done) {
          if (!opened) {
            yield control(`${releases()}SAVEPOINT parley_part`);
            opened = true;
          }
          let answer: unknown;
          try {
            answer = yield step.value;
          } catch (err) {
            step = part.throw(err);
            continue;
          }
          step = part.next(answer);
        }
        result = step.value;
      } catch (err) {
        adds = before;
        // ROLLBACK TO names the newest savepoint, and the parts that ended inside this one are newer: they
        // are rolled back first, one by one (a failed statement allows nothing else, RELEASE included).
        if (opened) {
          const undo = Array(unreleased + 1)
            .fill('ROLLBACK TO SAVEPOINT parley_part; RELEASE SAVEPOINT parley_part')
            .join('; ');
          unreleased = 0;
          yield control(undo);
        }
        throw err;
      }
      if (opened) unreleased++;
      return result;
    },
    // biome-ignore lint/correctness/useYield: PostgreSQL's adds are statements of the transaction's end (atEnd)
    *addAtEnd(key: string, sql: string, amounts: number[], params: unknown[]): Step<void> {
      const a = adds.get(key);
      if (a) {
        a.amounts = a.amounts.map((n, i) => n + (amounts[i] ?? 0));
        a.params = params;
      } else adds.set(key, { sql, amounts: [...amounts], params });
    },
    addedAtEnd: (key) => adds.get(key)?.amounts[0] ?? 0,
    atEnd: () =>
      [...adds.keys()].sort().map((k) => {
        const a = adds.get(k)!;
        return { op: 'run' as const, sql: a.sql, params: [...a.amounts, ...a.params] };
      }),
  };
  return tx;
}

/** Statements without parameters, run together in one round trip (PostgreSQL's simple query protocol). */
const control = (sql: string): Query => ({ op: 'run', sql, params: [], simple: true });

/** A PostgreSQL Tx for one transaction on a connection writing into `shard`. */
export function postgresTxOf(shard: number): Tx & { atEnd(): Query[] } {
  return makePostgresTx(shard);
}

// SQLite runs a body synchronously, so its Tx runs each statement when it is called and hands back an
// iterator that is already done: `yield* t.run(…)` then returns the result without the body ever
// suspending. A statement costs what a direct call did, however deeply the helpers that issue it are
// nested (a yielded statement would travel up and back down through every `yield*` between them).
// One iterator and one result object serve every statement: `yield*` reads the result the moment the
// statement returns it, before anything else can run, so nothing is allocated per statement.
const finished: IteratorReturnResult<unknown> = { done: true, value: undefined };
const doneStep = {
  next: () => finished,
  [Symbol.iterator]() {
    return this;
  },
};
function done<T>(value: T): Step<T> {
  finished.value = value;
  return doneStep as unknown as Step<T>;
}

// The connection of the body being driven: set by driveSqlite for exactly the synchronous run of a body.
let sqliteConn: Sqlite | null = null;
function conn(): Sqlite {
  if (!sqliteConn) throw new Error('a SQLite statement ran outside driveSqlite');
  return sqliteConn;
}

export const sqliteTx: Tx = {
  dialect: 'sqlite',
  shard: 0,
  one<T>(sql: string, ...params: unknown[]): Step<T | undefined> {
    return done(statement(conn(), sql).get(...params) as T | undefined);
  },
  all<T>(sql: string, ...params: unknown[]): Step<T[]> {
    return done(statement(conn(), sql).all(...params) as T[]);
  },
  run(sql: string, ...params: unknown[]): Step<number> {
    return done(statement(conn(), sql).run(...params).changes);
  },
  addAtEnd(_key: string, sql: string, amounts: number[], params: unknown[]): Step<void> {
    statement(conn(), sql).run(...amounts, ...params);
    return done(undefined);
  },
  addedAtEnd: () => 0,
  savepoint<T>(body: Body<T>): Step<T> {
    const c = conn();
    statement(c, 'SAVEPOINT parley_part').run();
    let result: T;
    try {
      result = runToEnd(body);
    } catch (err) {
      statement(c, 'ROLLBACK TO SAVEPOINT parley_part').run();
      statement(c, 'RELEASE SAVEPOINT parley_part').run();
      throw err;
    }
    statement(c, 'RELEASE SAVEPOINT parley_part').run();
    return done(result);
  },
};

function runToEnd<T>(body: Body<T>): T {
  const next = body(sqliteTx).next();
  // Only statements suspend a body, and SQLite's never do.
  if (!next.done) throw new Error('a SQLite transaction body yielded something other than a statement of its Tx');
  return next.value;
}

/** Drives a body to its end on a SQLite connection, synchronously. */
export function driveSqlite<T>(c: Sqlite, body: Body<T>): T {
  const outer = sqliteConn;
  sqliteConn = c;
  try {
    return runToEnd(body);
  } finally {
    sqliteConn = outer;
  }
}

export type WriteOptions = {
  /**
   * PostgreSQL only. 'serializable' (the default) is what SQLite gives every write: a read-check-write
   * needs no lock of its own, and a conflict runs the body again. 'read committed' for bodies that take
   * their own locks (LOCKING below) or whose concurrency is their own (SKIP LOCKED claims).
   */
  isolation?: 'serializable' | 'read committed';
  /** PostgreSQL only: how many times a conflicting body runs before the conflict is the caller's (a 503). */
  attempts?: number;
};

const ATTEMPTS = 12;

/**
 * For the hot bodies every message goes through (an inbound message and what it sets off, a send, the
 * outbox's claims and answers, a workflow step's journal). On PostgreSQL, SERIALIZABLE made them fail
 * each other by the thousand: ids are time-ordered, so concurrent inserts share the last index page, and
 * any read of a recent row there completes a read/write cycle (bench/scale: 4,500 rollbacks in 10 s).
 * They run READ COMMITTED instead, and each locks what it decides about before reading it
 * (lib/db/tx-locks.ts): the conversation (subaccount and number) for windows, routing and tickets, the
 * message row for its status, the account for its messaging-limit count; counters are single-statement
 * upserts, and instances are guarded by their lease. A unique key another body inserted meanwhile
 * (23505) runs the body again, whose check then sees the row, as a serialization failure would.
 */
export const LOCKING: WriteOptions = { isolation: 'read committed', attempts: ATTEMPTS * 8 };

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
  if (pool) return readPostgres(pool, body, postgresTxOf(0));
  return readNow(client, (conn) => driveSqlite(conn, body));
}

/** The dialect `client` speaks, for the few statements that must differ. */
export function dialectOf(client: Client): Dialect {
  return postgresPool(client) ? 'postgres' : 'sqlite';
}
