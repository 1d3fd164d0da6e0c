import { logger } from '@/lib/log/logger';

/**
 * A recurring piece of durable work (due timers, the send outbox, webhook retries, template review).
 * `tick` does what is due now and returns how long to sleep before the next look; `wake()` cuts a
 * sleep short when new work arrives in this process.
 */
export type BackgroundTask = {
  name: string;
  tick: () => Promise<number>;
  /** Waits for work a tick started but did not wait for (a carrier call still out), when the loops stop. */
  settle?: () => Promise<void>;
  /** A scheduler that must run in one process only when several share a PostgreSQL database (lib/jobs/advisory-leader.ts). */
  singleton?: boolean;
};

export type LoopHandle = {
  wake(name?: string): void;
  stop(): Promise<void>;
  /** Whether this process does `name`'s work itself (a singleton may be another process's). */
  runsHere(name: string): boolean;
};

const WOKEN_LOOK_AGAIN_MS = 20;

export function startLoops(tasks: BackgroundTask[]): LoopHandle {
  let stopped = false;
  const wakers = new Map<string, () => void>();
  // Tasks woken while their tick ran: the tick may have looked before the new work committed, so they
  // look again soon instead of sleeping their full delay (wake-ups then need no other process to cover
  // this race). Soon, not at once: under a stream of sends every tick is woken, and looking again at
  // once cost the outbox a tick per send that had only to wait for its rate slot.
  const wokenWhileRunning = new Set<string>();
  const doneHere = new Set(tasks.filter((task) => !task.singleton).map((task) => task.name));
  const running = tasks.map(async (task) => {
    while (!stopped) {
      wokenWhileRunning.delete(task.name);
      let delay = 1000;
      try {
        delay = await task.tick();
        if (wokenWhileRunning.has(task.name)) delay = Math.min(delay, WOKEN_LOOK_AGAIN_MS);
      } catch (err) {
        logger.error({ err, task: task.name }, 'background task failed; retrying');
        delay = 2000;
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, delay));
        function done() {
          clearTimeout(timer);
          wakers.delete(task.name);
          resolve();
        }
        wakers.set(task.name, done);
      });
    }
  });
  return {
    wake(name) {
      for (const task of tasks) {
        if (name && task.name !== name) continue;
        const sleeping = wakers.get(task.name);
        if (sleeping) sleeping();
        else wokenWhileRunning.add(task.name);
      }
    },
    runsHere: (name) => doneHere.has(name),
    async stop() {
      stopped = true;
      for (const w of [...wakers.values()]) w();
      await Promise.all(running);
      await Promise.all(tasks.map((t) => t.settle?.()));
    },
  };
}
