import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { logger } from '@/lib/log/logger';
import type { ScriptScope } from './evaluate-now';
import { FairQueue } from '@/lib/jobs/fair-queue';

// Worker threads for the scripts that do not finish in a few milliseconds (evaluate.ts sends them
// here). QuickJS runs synchronously, so a 500 ms script on the event loop would stop every account's
// work for 500 ms; here it stops one worker. Jobs wait in a FairQueue: accounts take turns, and one
// account runs at most SIZE - 1 jobs at once, so another account always finds a worker free (or the
// next one to free up) however many jobs the first has queued. Two workers: the machines we target
// have two cores, and the event loop keeps one of them busy.
const SIZE = 2;
const PER_ACCOUNT = Math.max(1, SIZE - 1);

export type PoolJob = { kind: 'value' | 'condition'; value: unknown; scope: ScriptScope };
/** `ms`: how long the job took in the worker (evaluate.ts keeps routing a slow account's scripts here). */
export type PoolReply =
  | { ok: true; value: unknown; ms: number }
  | { ok: false; script: string; detail: string; ms: number }
  | { ok: false; error: string; ms: number };

type Pending = { job: PoolJob; resolve: (reply: PoolReply) => void; reject: (err: Error) => void };
// `down`: the worker died right after it started and its replacement waits a moment (see spawn).
type Slot = { worker: Worker; current: { account: string; pending: Pending } | null; down?: boolean };

const queue = new FairQueue<Pending>(PER_ACCOUNT);
let slots: Slot[] | null = null;

/** Runs a job in a worker once the account's turn comes. */
export function runInPool(account: string, job: PoolJob): Promise<PoolReply> {
  return new Promise((resolve, reject) => {
    queue.push(account, { job, resolve, reject });
    pump();
  });
}

function pump() {
  // Started on first use: most processes never run a slow script.
  slots ??= Array.from({ length: SIZE }, () => spawn());
  for (const slot of slots) {
    if (slot.current || slot.down) continue;
    const next = queue.take();
    if (!next) return;
    slot.current = { account: next.account, pending: next.item };
    // Held referenced only while busy, so an idle pool never keeps the process alive.
    slot.worker.ref();
    slot.worker.postMessage(next.item.job);
  }
  // No worker can start (each died at once): the waiting jobs fail now with a reason rather than wait
  // for a worker that may never come.
  if (slots.every((slot) => slot.down)) {
    for (let next = queue.take(); next; next = queue.take()) {
      queue.release(next.account);
      next.item.reject(new Error('the script workers could not start'));
    }
  }
}

function finish(slot: Slot, settle: (p: Pending) => void) {
  const current = slot.current;
  if (!current) return;
  slot.current = null;
  slot.worker.unref();
  queue.release(current.account);
  settle(current.pending);
  pump();
}

/**
 * The worker's module, from the app's root: every process that runs Parley starts there. Not
 * `new URL('./script-worker.ts', import.meta.url)`: inside Next's server bundle that names a copied
 * asset whose imports cannot load, and every worker died at start.
 */
function entry(): string {
  return path.join(process.cwd(), 'lib', 'automation', 'script', 'script-worker.ts');
}

// A worker that dies this soon after it started would die again at once (a module that cannot load):
// its replacement waits, instead of the pool respawning in a tight loop.
const RESPAWN_DELAY_MS = 1000;

function spawn(): Slot {
  // A worker thread does not inherit the TypeScript loader the process started with: register it.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(entry()).href)}); })`;
  const worker = new Worker(bootstrap, { eval: true });
  const startedAt = Date.now();
  const slot: Slot = { worker, current: null };
  worker.unref();
  worker.on('message', (reply: PoolReply) => finish(slot, (p) => p.resolve(reply)));
  worker.on('error', (err) => logger.error({ err }, 'script worker failed'));
  worker.on('exit', (code) => {
    // A new worker takes the slot first (so nothing is posted to this one), then its job fails.
    const at = slots?.indexOf(slot) ?? -1;
    if (at >= 0 && Date.now() - startedAt < RESPAWN_DELAY_MS) {
      slot.down = true;
      setTimeout(() => {
        if (slots?.[at] !== slot) return;
        slots[at] = spawn();
        pump();
      }, RESPAWN_DELAY_MS).unref();
    } else if (at >= 0) slots![at] = spawn();
    finish(slot, (p) => p.reject(new Error(`the script worker stopped (exit code ${code})`)));
  });
  return slot;
}
