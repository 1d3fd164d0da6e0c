import type Database from 'better-sqlite3';
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { checkpointInBackground } from '@/lib/db/checkpoint-in-background';

// The hot paths (accepting a send, an inbound message, a workflow step) write through the same
// better-sqlite3 connection as Prisma, with plain prepared statements: a Prisma query costs ~350 µs
// of client and query-compiler work where the statement itself takes ~7 µs (bench/messaging).
// Sharing Prisma's connection, rather than opening a second one, matters: a second connection would
// wait on SQLite's lock synchronously while a Prisma interactive transaction holding it can only
// finish on the event loop that wait blocks.

type AdapterWithClient = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>> & { client?: Database.Database };

/** A better-sqlite3 adapter factory that tunes every connection it opens and hands it to `onConnect`. */
export function sqliteAdapterFactory(file: string, onConnect: (conn: Database.Database) => void): SqlDriverAdapterFactory {
  // A busy writer in another process (npm run worker) makes us wait rather than fail.
  const inner = new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = (await inner.connect()) as AdapterWithClient;
      const conn = adapter.client;
      if (!conn || typeof conn.prepare !== 'function')
        throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection; update lib/db/sqlite-connection.ts');
      // WAL with synchronous=NORMAL: COMMIT returns once the WAL is written, so a committed change
      // survives a crash of the process; only an OS crash or power loss can drop the last commits.
      // SQLite recommends it for WAL; it takes an fsync off every transaction.
      conn.pragma('synchronous = NORMAL');
      // The hot indexes (messages by subaccount and time, outbox by due time) stay in memory: a
      // 64 MiB page cache instead of SQLite's 2 MiB default. (A memory map made point reads twice as
      // slow here, with checkpoints rewriting the mapped file underneath: bench/messaging.)
      conn.pragma('cache_size = -65536');
      beginTransactionsImmediate(conn);
      checkpointInBackground(conn);
      onConnect(conn);
      return adapter;
    },
  };
}

// Prisma's adapter opens every transaction with a deferred BEGIN, so it takes SQLite's write lock only at
// its first write. SQLite does not wait for the lock on behalf of a transaction that has already read
// (the busy timeout applies only before the first read), and the write fails at once when another
// connection holds the lock or has committed since that read: a server action that checks and then
// writes met "Operation has timed out" whenever the background thread was writing (CI, the partners
// spec). Parley's Prisma transactions all write (reads need none), so each begins IMMEDIATE instead,
// waiting up to the busy timeout for the lock at its start. Should that wait run out, the transaction
// begins deferred as before and its first write meets the busy database: the adapter takes its own
// lock before BEGIN and would never hand it back if BEGIN itself threw. Parley's own writes
// (lib/db/sql.ts) already begin IMMEDIATE, through this same connection, and are not affected.
function beginTransactionsImmediate(conn: Database.Database): void {
  const prepare = conn.prepare.bind(conn);
  let immediate: Database.Statement | undefined;
  const begin = {
    run() {
      try {
        return (immediate ??= prepare('BEGIN IMMEDIATE')).run();
      } catch (err) {
        if (!isSqliteBusy(err)) throw err;
        return prepare('BEGIN').run();
      }
    },
  };
  conn.prepare = ((source: string) => (source === 'BEGIN' ? begin : prepare(source))) as typeof conn.prepare;
}

/** SQLite's own "another connection holds the lock" (SQLITE_BUSY and its extended codes), as better-sqlite3 throws it. */
export function isSqliteBusy(err: unknown): boolean {
  return !!(err as { code?: string })?.code?.startsWith('SQLITE_BUSY');
}

// Kept on the client itself under a registered symbol, not in a module-level map: Next bundles route
// handlers, server actions and the custom server's API routes as separate copies of this module, and
// they all share the one client on globalThis (lib/db/client.ts).
const CONNECTION = Symbol.for('parley.sqliteConnection');
type WithConnection = { [CONNECTION]?: Database.Database };

export function rememberConnection(client: object, conn: Database.Database): void {
  (client as WithConnection)[CONNECTION] = conn;
}

/** The connection Prisma uses for `client`, opened if it is not yet. */
export async function sqliteConnection(client: { $connect(): Promise<void> }): Promise<Database.Database> {
  const known = (client as WithConnection)[CONNECTION];
  if (known?.open) return known;
  await client.$connect();
  const conn = (client as WithConnection)[CONNECTION];
  if (!conn) throw new Error('This database client is not SQLite: the synchronous fast path needs the embedded database');
  return conn;
}
