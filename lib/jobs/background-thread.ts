import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { logger } from '@/lib/log/logger';
import { setBackgroundWaker } from '@/lib/jobs/wake';

// The web process's background work (send outbox and receipts, webhooks, workflow timers, template
// review) in a worker thread of its own: it then runs on the machine's second core instead of taking
// turns with API requests on the event loop. The thread opens its own SQLite connection; SQLite lets
// one of the two write at a time, and the loops keep their transactions short.

export type BackgroundThread = { stop(): Promise<void> };

/**
 * Starts `entry` (a module that calls startBackgroundWork and handles { wake } messages) in a worker
 * thread, and routes this thread's wakeups to it, at most one message per task per event-loop turn.
 * If the thread dies it is started again after a second: the work is durable, nothing is lost.
 */
export function startBackgroundThread(entry: string): BackgroundThread {
  let worker: Worker;
  let stopping = false;
  const pending = new Set<string>();

  // A worker thread does not inherit the TypeScript loader the process started with: register it.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); })`;
  const start = () => {
    worker = new Worker(bootstrap, { eval: true });
    worker.on('error', (err) => logger.error({ err }, 'background thread failed'));
    worker.on('exit', (code) => {
      if (stopping) return;
      logger.error({ code }, 'background thread stopped; starting it again');
      setTimeout(start, 1000).unref();
    });
  };
  start();

  // A flush is scheduled exactly while wakeups are pending.
  setBackgroundWaker((name = '*') => {
    if (!pending.size) {
      setImmediate(() => {
        const names = [...pending];
        pending.clear();
        for (const n of names) worker.postMessage({ wake: n === '*' ? undefined : n });
      });
    }
    pending.add(name);
  });

  return {
    async stop() {
      stopping = true;
      worker.postMessage({ stop: true });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
