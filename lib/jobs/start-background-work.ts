import { logger } from '@/lib/log/logger';
import { startLoops, type LoopHandle } from '@/lib/jobs/background-loop';
import { backgroundTasks } from '@/lib/jobs/background-tasks';

// Process-wide, on globalThis: Next and the custom server load their own copies of this module.
const g = globalThis as unknown as { parleyLoops?: LoopHandle; parleyWaker?: (name?: string) => void };

/** Starts the background loops once per process (or worker thread). */
export async function startBackgroundWork(): Promise<LoopHandle> {
  if (g.parleyLoops) return g.parleyLoops;
  const tasks = await backgroundTasks();
  g.parleyLoops = startLoops(tasks);
  logger.info({ tasks: tasks.map((t) => t.name) }, 'background work started');
  return g.parleyLoops;
}

/** Where wakeups go when the loops run elsewhere in this process (lib/jobs/background-thread.ts). */
export function setBackgroundWaker(waker: (name?: string) => void): void {
  g.parleyWaker = waker;
}

/** Lets a producer in this process (e.g. a new send) wake a sleeping loop at once. */
export function wakeBackgroundTask(name?: string): void {
  if (g.parleyLoops) g.parleyLoops.wake(name);
  else g.parleyWaker?.(name);
}

/** Whether background work runs in this process (in this thread or a worker thread of it). */
export function backgroundWorkStarted(): boolean {
  return !!(g.parleyLoops || g.parleyWaker);
}
