import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportJob, ImportProgress, ImportSummary } from '@/lib/campaigns/audience/import-audience-rows';
import type { WorkerMessage } from '@/lib/campaigns/audience/import-audience-worker';
import { NotFoundError, PayloadTooLargeError, ValidationError, type Issue } from '@/lib/errors';

// Runs an audience import in a worker thread, so that parsing and checking a million rows (seconds of
// CPU) leaves the event loop to the requests meanwhile; the worker writes through its own SQLite
// connection in short transactions. At most two at once: the machines we target have two cores. A
// worker takes a second to start (the TypeScript loader, the modules), so a finished one waits a
// while for the next import (the wizard's "back to mapping" comes right after the first).

const MAX_AT_ONCE = 2;
const IDLE_MS = 60_000;
let running = 0;
const waiting: (() => void)[] = [];
const idle = new Map<Worker, NodeJS.Timeout>();

async function turn(): Promise<() => void> {
  if (running >= MAX_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * The worker's module, from the app's root (as lib/automation/script/script-pool.ts finds its own):
 * inside Next's server bundle import.meta.url names a copied asset whose imports cannot load.
 */
function entry(): string {
  return path.join(process.cwd(), 'lib', 'campaigns', 'audience', 'import-audience-worker.ts');
}

function spawnWorker(): Worker {
  // A worker thread does not inherit the TypeScript loader the process started with: register it.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(entry()).href)}); })`;
  // A small young generation: a row's garbage is short-lived, and the import's memory stays low.
  return new Worker(bootstrap, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
}

/**
 * Starts a worker ahead of an import (when an upload begins: its modules load while the file arrives),
 * unless one is waiting already.
 */
export function warmImportWorker(): void {
  if (idle.size || running >= MAX_AT_ONCE) return;
  giveBack(spawnWorker());
}

function takeWorker(): Worker {
  const [reused] = idle.keys();
  if (reused) {
    clearTimeout(idle.get(reused));
    idle.delete(reused);
    reused.ref();
    return reused;
  }
  return spawnWorker();
}

function giveBack(worker: Worker): void {
  if (idle.size >= MAX_AT_ONCE) {
    void worker.terminate();
    return;
  }
  // Idle, it keeps no process alive, and ends after a while.
  worker.unref();
  idle.set(
    worker,
    setTimeout(() => {
      idle.delete(worker);
      void worker.terminate();
    }, IDLE_MS).unref(),
  );
}

function rebuild(e: Extract<WorkerMessage, { type: 'error' }>['error']): Error {
  const issues = (Array.isArray(e.issues) ? e.issues : []) as Issue[];
  if (e.name === 'ValidationError') return new ValidationError(e.message, issues, typeof e.code === 'number' ? e.code : undefined);
  if (e.name === 'PayloadTooLargeError') return new PayloadTooLargeError(e.message);
  if (e.name === 'NotFoundError') return new NotFoundError(e.message);
  return Object.assign(new Error(`The audience import failed: ${e.message}`), { code: e.code });
}

/** Imports the audience of `job` in a worker thread; resolves with its summary, rejects with its error. */
export async function runAudienceImport(job: ImportJob, onProgress?: (p: ImportProgress) => void): Promise<ImportSummary> {
  const release = await turn();
  const worker = takeWorker();
  let healthy = false;
  const listeners = {
    message: (_m: WorkerMessage) => {},
    error: (_err: Error) => {},
    exit: (_code: number) => {},
  };
  try {
    return await new Promise<ImportSummary>((resolve, reject) => {
      listeners.message = (m) => {
        if (m.type === 'progress') onProgress?.({ rows: m.rows, bytes: m.bytes, totalBytes: m.totalBytes });
        else {
          // The job ran to its end (a refusal included): the worker can take the next one.
          healthy = true;
          if (m.type === 'done') resolve(m.summary);
          else reject(rebuild(m.error));
        }
      };
      listeners.error = reject;
      listeners.exit = (code) => reject(new Error(`The audience import stopped before it finished (exit code ${code})`));
      worker.on('message', listeners.message);
      worker.on('error', listeners.error);
      worker.on('exit', listeners.exit);
      worker.postMessage(job);
    });
  } finally {
    // Only this job's listeners: the worker's own (Node's) stay.
    worker.off('message', listeners.message);
    worker.off('error', listeners.error);
    worker.off('exit', listeners.exit);
    release();
    if (healthy) giveBack(worker);
    else void worker.terminate();
  }
}
