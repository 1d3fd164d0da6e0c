import type pg from 'pg';
import type { Body, Query, Tx } from '@/lib/db/tx-types';
import { shardOf } from '@/lib/db/postgres/shards';

// The PostgreSQL driver of lib/db/tx.ts: a body's statements run one at a time on one pooled
// connection, `?` placeholders numbered as PostgreSQL wants them.

const POOL = Symbol.for('parley.postgresPool');
type WithPool = { [POOL]?: pg.Pool };

export function rememberPool(client: object, pool: pg.Pool): void {
  (client as WithPool)[POOL] = pool;
}

/** Parley's own pool beside `client` when it talks to PostgreSQL; undefined for SQLite. */
export function postgresPool(client: object): pg.Pool | undefined {
  return (client as WithPool)[POOL];
}

const numbered = new Map<string, string>();

/** `?` → `$1`, `$2`, … outside quoted strings and identifiers (cached per text: the same few hundred statements run all day). */
export function toPostgresSql(sql: string): string {
  let out = numbered.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  let quote: string | null = null;
  out = '';
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '?') {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  // Texts are a fixed set in practice; a bound keeps a caller that builds many from growing it for ever.
  if (numbered.size >= 10_000) numbered.clear();
  numbered.set(sql, out);
  return out;
}

// Each text is a named prepared statement: a connection parses and plans it once, then only binds and
// executes (bench/scale: the runner's PostgreSQL CPU per message fell by a third). The names are per
// text and the same in every connection; pg prepares a name on a connection the first time it sees it.
// A connection keeps what it prepared until it closes, so past the fixed set of texts (a batch insert's
// text varies with its length) statements go unnamed rather than grow every connection for ever.
// On globalThis: Next bundles each route handler with its own copy of this module, and the copies share
// the pool's connections, so a name given per copy meant one name for two texts ("Prepared statements
// must be unique - 'parley_0' was used for a different statement", the browser tests on PostgreSQL).
const MAX_NAMED = 2_000;
const g = globalThis as unknown as { parleyStatementNames?: Map<string, string> };
const names = (g.parleyStatementNames ??= new Map<string, string>());
function nameOf(sql: string): string | undefined {
  let name = names.get(sql);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `parley_${names.size}`;
    names.set(sql, name);
  }
  return name;
}

async function runQuery(conn: pg.ClientBase, q: Query): Promise<unknown> {
  if (q.simple) {
    await conn.query(q.sql);
    return 0;
  }
  const name = nameOf(q.sql);
  const text = toPostgresSql(q.sql);
  const result = await (name ? conn.query({ name, text, values: q.params }) : conn.query(text, q.params));
  if (q.op === 'one') return result.rows[0];
  if (q.op === 'all') return result.rows;
  return result.rowCount ?? 0;
}

/** Runs `body` on `conn` in whatever transaction `conn` is in (the tests drive bodies side by side with it). */
export async function drive<T>(conn: pg.ClientBase, body: Body<T>, tx: Tx): Promise<T> {
  const it = body(tx);
  let next = it.next();
  while (!next.done) {
    let result: unknown;
    try {
      result = await runQuery(conn, next.value);
    } catch (err) {
      next = it.throw(err);
      continue;
    }
    next = it.next(result);
  }
  return next.value;
}

/** `drive`, then the sums the body added at the end (Tx.addAtEnd): all a write transaction runs before COMMIT. */
export async function driveToEnd<T>(conn: pg.ClientBase, body: Body<T>, tx: Tx & { atEnd(): Query[] }): Promise<T> {
  const result = await drive(conn, body, tx);
  // The hot counters last: their rows are locked only from here to the commit.
  for (const q of tx.atEnd()) await runQuery(conn, q);
  return result;
}

// serialization_failure and deadlock_detected: the transaction did nothing and can simply run again.
// 53200 here is PostgreSQL running out of room to track serializable transactions ("not enough elements
// in RWConflictPool"): transient under a burst, and the transaction likewise did nothing.
const RETRYABLE = new Set(['40001', '40P01', '53200']);

// unique_violation, in a READ COMMITTED body: another transaction inserted the key after this one
// checked for it. Run again, the check sees the row (SERIALIZABLE reports this race as 40001 itself).
const UNIQUE_VIOLATION = '23505';

const codeOf = (err: unknown) => (err as { code?: unknown } | null)?.code;

/** Whether `err` is a conflict that left nothing behind, so the transaction may simply run again. */
export function isWriteConflict(err: unknown): boolean {
  const code = codeOf(err);
  return typeof code === 'string' && RETRYABLE.has(code);
}

function mayRunAgain(err: unknown, isolation: 'serializable' | 'read committed'): boolean {
  return isWriteConflict(err) || (isolation === 'read committed' && codeOf(err) === UNIQUE_VIOLATION);
}

export async function writePostgres<T>(
  pool: pg.Pool,
  body: Body<T>,
  txOf: (shard: number) => Tx & { atEnd(): Query[] },
  isolation: 'serializable' | 'read committed',
  attempts: number,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const conn = await pool.connect();
    let broken = false;
    try {
      const tx = txOf(await shardOf(conn));
      await conn.query(isolation === 'serializable' ? 'BEGIN ISOLATION LEVEL SERIALIZABLE' : 'BEGIN');
      const result = await driveToEnd(conn, body, tx);
      await conn.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await conn.query('ROLLBACK');
      } catch {
        broken = true; // the connection is gone: drop it rather than hand it back
      }
      if (!mayRunAgain(err, isolation) || attempt >= attempts) throw err;
    } finally {
      conn.release(broken);
    }
    // Jittered, growing: writers that collided should not collide again on the next try.
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 2 ** attempt)));
  }
}

/** Reads as SQLite's do between commits: each statement sees what was committed when it ran. */
export async function readPostgres<T>(pool: pg.Pool, body: Body<T>, tx: Tx): Promise<T> {
  const conn = await pool.connect();
  try {
    return await drive(conn, body, tx);
  } finally {
    conn.release();
  }
}
