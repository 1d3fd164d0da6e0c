import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { isSqliteBusy, sqliteConnection } from '@/lib/db/sqlite-connection';

// Plain SQL on Prisma's own SQLite connection, for the paths that run thousands of times a second.
// A write runs as one synchronous BEGIN IMMEDIATE … COMMIT: nothing else in this process can run in
// between, so a read-check-write inside it (idempotency, a compare-and-swap) needs no retry. Values
// are stored exactly as Prisma stores them (ISO dates with "+00:00", JSON as text), so Prisma reads
// what these statements write and the other way round.

export type Sqlite = Database.Database;
export type Row = Record<string, unknown>;

const cache = new WeakMap<Sqlite, Map<string, Database.Statement>>();

/** A prepared statement, made once per connection and SQL text; integers come back as numbers. */
export function statement(conn: Sqlite, sql: string): Database.Statement {
  let byText = cache.get(conn);
  if (!byText) cache.set(conn, (byText = new Map()));
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = conn.prepare(sql);
    // Prisma sets safe integers on the connection (BigInt); our columns fit in a double.
    if (stmt.reader) stmt.safeIntegers(false);
    byText.set(sql, stmt);
  }
  return stmt;
}

export function one<T = Row>(conn: Sqlite, sql: string, ...params: unknown[]): T | undefined {
  return statement(conn, sql).get(...params) as T | undefined;
}

export function all<T = Row>(conn: Sqlite, sql: string, ...params: unknown[]): T[] {
  return statement(conn, sql).all(...params) as T[];
}

export function run(conn: Sqlite, sql: string, ...params: unknown[]): number {
  return statement(conn, sql).run(...params).changes;
}

/** Waits while a Prisma interactive transaction is open on the connection (it would absorb our statements). */
async function idle(conn: Sqlite): Promise<void> {
  for (let spins = 0; conn.inTransaction; spins++) {
    await new Promise<void>((resolve) => (spins < 64 ? setImmediate(resolve) : setTimeout(resolve, 1)));
  }
}

type Pending = { fn: (conn: Sqlite) => unknown; resolve: (v: never) => void; reject: (e: unknown) => void };
const queues = new WeakMap<Sqlite, Pending[]>();
// One transaction's worth: a long batch would hold the event loop (and the write lock) too long.
const MAX_BATCH = 256;

/**
 * Runs `fn` synchronously inside a write transaction on the client's connection and resolves with its
 * result once that transaction has committed; a throw rolls back what `fn` wrote and rejects.
 * `fn` must not await. Concurrent calls are group-committed: the writes queued during one turn of the
 * event loop share one BEGIN IMMEDIATE … COMMIT (each in its own savepoint, so one failing write
 * leaves its neighbours alone). A commit writes every page it touched to the WAL, so at a thousand
 * sends a second one commit per batch instead of per send is most of the cost saved.
 */
export async function writeTransaction<T>(client: { $connect(): Promise<void> }, fn: (conn: Sqlite) => T): Promise<T> {
  const conn = await sqliteConnection(client);
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(conn);
    if (!queue) {
      queues.set(conn, (queue = []));
      setImmediate(() => void flush(conn));
    }
    queue.push({ fn, resolve: resolve as (v: never) => void, reject });
  });
}

async function flush(conn: Sqlite): Promise<void> {
  const queue = queues.get(conn)!;
  queues.delete(conn);
  for (let i = 0; i < queue.length; i += MAX_BATCH) {
    const batch = queue.slice(i, i + MAX_BATCH);
    try {
      await acquireWriteLock(conn);
    } catch (error) {
      for (const p of batch) p.reject(error);
      continue;
    }
    commitBatch(conn, batch);
  }
}

// Another connection may hold SQLite's write lock: the background thread, a worker process. SQLite's
// own busy handler would wait by sleeping in this thread, which stops the event loop (every request
// waits); so the lock is tried without a timeout and, when taken, tried again a moment later.
const LOCK_PATIENCE_MS = 10_000;
const busyTimeouts = new WeakMap<Sqlite, number>();

function tryBeginImmediate(conn: Sqlite): boolean {
  let timeout = busyTimeouts.get(conn);
  if (timeout === undefined) busyTimeouts.set(conn, (timeout = Number(conn.pragma('busy_timeout', { simple: true }))));
  statement(conn, 'PRAGMA busy_timeout = 0').get();
  try {
    statement(conn, 'BEGIN IMMEDIATE').run();
    return true;
  } catch (err) {
    if (isSqliteBusy(err)) return false;
    throw err;
  } finally {
    statement(conn, `PRAGMA busy_timeout = ${timeout}`).get();
  }
}

/** Resolves with the write transaction begun; the caller must run its batch before awaiting anything. */
async function acquireWriteLock(conn: Sqlite): Promise<void> {
  const start = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (conn.inTransaction) await idle(conn);
    if (tryBeginImmediate(conn)) return;
    if (Date.now() - start > LOCK_PATIENCE_MS) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    await new Promise<void>((resolve) => (attempt < 2 ? setImmediate(resolve) : setTimeout(resolve, 1)));
  }
}

/** Runs the batch in the write transaction acquireWriteLock began, and commits it. */
function commitBatch(conn: Sqlite, batch: Pending[]): void {
  const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
  try {
    for (const p of batch) {
      statement(conn, 'SAVEPOINT parley_write').run();
      try {
        outcomes.push({ ok: true, value: p.fn(conn) });
        statement(conn, 'RELEASE parley_write').run();
      } catch (error) {
        statement(conn, 'ROLLBACK TO parley_write').run();
        statement(conn, 'RELEASE parley_write').run();
        outcomes.push({ ok: false, error });
      }
    }
    statement(conn, 'COMMIT').run();
  } catch (error) {
    if (conn.inTransaction) statement(conn, 'ROLLBACK').run();
    for (const p of batch) p.reject(error);
    return;
  }
  batch.forEach((p, i) => {
    const o = outcomes[i]!;
    if (o.ok) p.resolve(o.value as never);
    else p.reject(o.error);
  });
}

/**
 * Runs `fn` in a savepoint of the caller's write transaction: if it throws, its own writes are undone
 * (the caller's stay) and the error is rethrown.
 */
export function withinSavepoint<T>(conn: Sqlite, fn: (conn: Sqlite) => T): T {
  statement(conn, 'SAVEPOINT parley_part').run();
  try {
    const result = fn(conn);
    statement(conn, 'RELEASE parley_part').run();
    return result;
  } catch (err) {
    statement(conn, 'ROLLBACK TO parley_part').run();
    statement(conn, 'RELEASE parley_part').run();
    throw err;
  }
}

/** Reads on the client's connection once no Prisma transaction is open (so they see only committed rows). */
export async function readNow<T>(client: { $connect(): Promise<void> }, fn: (conn: Sqlite) => T): Promise<T> {
  const conn = await sqliteConnection(client);
  if (conn.inTransaction) await idle(conn);
  return fn(conn);
}

/** A DateTime as Prisma's SQLite adapter writes it. */
export function sqlDate(d: Date): string {
  // The rows of one batch mostly carry the same millisecond: toISOString costs ~0.8 µs a call.
  const ms = d.getTime();
  if (ms !== lastDate.ms) lastDate = { ms, text: d.toISOString().replace('Z', '+00:00') };
  return lastDate.text;
}
let lastDate = { ms: NaN, text: '' };

export function readDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(typeof v === 'number' ? v : String(v));
}

export function readDateOrNull(v: unknown): Date | null {
  return v == null ? null : readDate(v);
}

/** A Json column value; undefined and null are stored as SQL NULL. */
export function sqlJson(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

export function readJson<T = unknown>(v: unknown): T | null {
  return v == null ? null : (JSON.parse(String(v)) as T);
}

/** An id for a row whose model says @default(cuid()): any unique string does; this one sorts by time. */
export function newId(): string {
  const at = takeRandom(9);
  return Date.now().toString(36) + randomPool.toString('base64url', at, at + 9);
}
/**
 * A UUID (version 7) that starts with the current millisecond: for the ids of busy tables (messages),
 * whose indexes on the id then grow at their end instead of at random places all over, so a commit
 * writes a few pages rather than one per index per row. Still an ordinary UUID to API clients.
 * Within a process the ids only grow (RFC 9562's counter in rand_a): rows made in one millisecond
 * (a reply and the next message, say) sort by id in the order they were made, where lists break a
 * tie on the time.
 */
export function newTimeOrderedUuid(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    // Started in the lower half, so a millisecond has room for thousands more.
    sequence = randomPool[takeRandom(1)]! << 3;
  } else if (++sequence > 0xfff) {
    lastMs++; // borrowed from the next millisecond, as the RFC allows
    sequence = 0;
  }
  const at = takeRandom(8);
  const random = randomPool.toString('hex', at, at + 8);
  // version 7 in the 13th digit, the counter in the next three, variant 10xx in the 17th
  const variant = ((parseInt(random[0]!, 16) & 0x3) | 0x8).toString(16);
  const ms = lastMs.toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${sequence.toString(16).padStart(3, '0')}-${variant}${random.slice(1, 4)}-${random.slice(4, 16)}`;
}

let lastMs = 0;
let sequence = 0;

// Random bytes drawn 4 KiB at a time: a randomBytes(9) per id cost ~5 µs, ten times the rest.
const randomPool = Buffer.alloc(4095);
let randomUsed = randomPool.length;

/** Where `n` unused bytes of randomPool start (refilled when too few are left). */
function takeRandom(n: number): number {
  if (randomUsed + n > randomPool.length) {
    crypto.randomFillSync(randomPool);
    randomUsed = 0;
  }
  randomUsed += n;
  return randomUsed - n;
}
