import type { Row } from '@/lib/db/sql';

// The shapes of lib/db/tx.ts, apart so its drivers can name them without importing it.

export type Dialect = 'sqlite' | 'postgres';
export type Query = {
  op: 'one' | 'all' | 'run';
  sql: string;
  params: unknown[];
  /** PostgreSQL: parameterless statements, `;`-separated, sent as one simple query (not prepared). */
  simple?: boolean;
};
/** A piece of a transaction body: yields statements, returns T. */
export type Step<T> = Generator<Query, T, unknown>;

export interface Tx {
  readonly dialect: Dialect;
  /**
   * The counter shard this transaction writes into (lib/db/postgres/shards.ts): 0 on SQLite, the
   * connection's own on PostgreSQL. Only for rows that readers SUM over their shards.
   */
  readonly shard: number;
  one<T = Row>(sql: string, ...params: unknown[]): Step<T | undefined>;
  all<T = Row>(sql: string, ...params: unknown[]): Step<T[]>;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, ...params: unknown[]): Step<number>;
  /** Runs `body` in a savepoint: if it throws, its own writes are undone (the caller's stay) and the error is rethrown. */
  savepoint<T>(body: (t: Tx) => Step<T>): Step<T>;
  /**
   * Adds to a counter row many transactions share (a campaign's, the month's volume): `sql` takes
   * `amounts` then `params`. On SQLite it runs now. On PostgreSQL the calls with the same `key` are summed
   * (the last call's params kept) and run once as the transaction's last statements, in key order, so
   * the row is locked only while the transaction commits, not while the rest of a batch runs.
   */
  addAtEnd(key: string, sql: string, amounts: number[], params: unknown[]): Step<void>;
  /** The first amount addAtEnd has summed under `key` in this transaction and not yet written (0 on SQLite: it wrote it). */
  addedAtEnd(key: string): number;
}

export type Body<T> = (t: Tx) => Step<T>;
