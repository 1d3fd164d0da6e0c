import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

// In WAL mode every commit appends the pages it changed to the -wal file, and by default the committing
// connection copies them back into the database file (a checkpoint, with an fsync) whenever the WAL
// passes 1000 pages. On the hot paths that checkpoint ran inside a COMMIT on the event loop every few
// dozen commits, ~10-40 ms each: about a third of the time an inbound message and its workflow took
// (bench/runner). A worker thread with its own connection does it instead:
// - every EVERY_MS a PASSIVE checkpoint copies what it can without waiting for anyone;
// - once the WAL holds more than RESTART_FRAMES, a RESTART checkpoint briefly holds off writers so the
//   next commit starts the WAL from its beginning again (under steady writes a passive checkpoint never
//   catches up with the last commit, and the file would only grow).
// Neither waits for anyone (busy timeout 0). A RESTART holds off writers while it waits for readers: with
// a 1 s busy timeout that was a second at a time, and a transaction that had read failed at its first
// write meanwhile (SQLite does not wait for the lock on its behalf). Now a RESTART that meets a reader
// gives up at once and is tried again next time.
// The committing connection keeps a checkpoint of its own for BACKSTOP_FRAMES, and goes back to
// SQLite's default should the worker fail, so the WAL stays bounded either way.

const EVERY_MS = 100;
const RESTART_FRAMES = 4096;
const BACKSTOP_FRAMES = 20_000;
const DEFAULT_FRAMES = 1000;
// After a reset the -wal file is cut back to this size rather than kept at its largest.
const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

const SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
setInterval(() => {
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    if (passive && passive.log > workerData.restartFrames) db.pragma('wal_checkpoint(RESTART)');
  } catch (err) {
    // SQLITE_BUSY: another process is checkpointing, or a long write holds on; try again next time.
    if (!/busy|locked/i.test(String(err && err.message))) throw err;
  }
}, workerData.everyMs);
`;

type Checkpointers = Map<string, Worker>;
const g = globalThis as unknown as { parleyCheckpointers?: Checkpointers };

/**
 * Moves WAL checkpoints of `conn`'s database off the thread that commits (one worker per database file
 * and process). Options exist for tests.
 */
export function checkpointInBackground(conn: Database.Database, opts: { everyMs?: number; restartFrames?: number } = {}): void {
  if (conn.memory || conn.readonly) return;
  const file = conn.name;
  conn.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  const workers = (g.parleyCheckpointers ??= new Map());
  const running = workers.get(file);
  if (running) {
    conn.pragma(`wal_autocheckpoint = ${BACKSTOP_FRAMES}`);
    return;
  }
  const fallBack = () => {
    workers.delete(file);
    if (conn.open) conn.pragma(`wal_autocheckpoint = ${DEFAULT_FRAMES}`);
  };
  let worker: Worker;
  try {
    worker = new Worker(SOURCE, { eval: true, workerData: { file, everyMs: opts.everyMs ?? EVERY_MS, restartFrames: opts.restartFrames ?? RESTART_FRAMES } });
  } catch {
    return; // the committing connection keeps SQLite's default checkpoints
  }
  workers.set(file, worker);
  conn.pragma(`wal_autocheckpoint = ${BACKSTOP_FRAMES}`);
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  // The process may exit while the worker runs: SQLite checkpoints on the last connection's close.
  worker.unref();
}

/** Stops the background checkpoint of `file` (tests); the connection goes back to SQLite's default. */
export async function stopBackgroundCheckpoint(file: string): Promise<void> {
  const worker = g.parleyCheckpointers?.get(file);
  if (worker) await worker.terminate();
}
