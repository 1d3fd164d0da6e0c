import type { LoopHandle } from '@/lib/jobs/background-loop';

// Producers (a new send, a template submitted, a resend) wake the loop that does their work at once.
// This module knows nothing of the tasks, so any domain can wake one without importing every other
// domain. Process-wide, on globalThis: Next and the custom server load their own copies of modules.
const g = globalThis as unknown as { parleyLoops?: LoopHandle; parleyWaker?: (name?: string) => void; parleyRemoteWaker?: (name?: string) => void };

/** Called by startBackgroundWork once the loops of this thread run. */
export function registerLoops(loops: LoopHandle): void {
  g.parleyLoops = loops;
}

export function runningLoops(): LoopHandle | undefined {
  return g.parleyLoops;
}

/** Where wakeups go when the loops run elsewhere in this process (lib/jobs/background-thread.ts). */
export function setBackgroundWaker(waker: (name?: string) => void): void {
  g.parleyWaker = waker;
}

/** Where wakeups go for the loops of other processes on the same database (lib/jobs/postgres-wake.ts). */
export function setRemoteWaker(waker: ((name?: string) => void) | undefined): void {
  g.parleyRemoteWaker = waker;
}

/**
 * Lets a producer (e.g. a new send) wake a sleeping loop at once: this process's, and on PostgreSQL other
 * processes' when this one does not do the task itself (a web process without loops, a singleton held
 * elsewhere). A task this process runs is left to its own loop: notifying every worker of every send
 * cost each of them a look (a transaction) per notification, and the look found the work already taken.
 * The others still find work on their own within their idle sleep.
 */
export function wakeBackgroundTask(name?: string): void {
  if (g.parleyLoops) g.parleyLoops.wake(name);
  else g.parleyWaker?.(name);
  if (!name || !g.parleyLoops?.runsHere(name)) g.parleyRemoteWaker?.(name);
}

/** Whether background work runs in this process (in this thread or a worker thread of it). */
export function backgroundWorkStarted(): boolean {
  return !!(g.parleyLoops || g.parleyWaker);
}
