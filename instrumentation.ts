// Next calls register() once when the server starts: the embedded default runs background work
// (timers, outbox, reviews) inside the web process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  const { composeParley } = await import('@/scripts/compose');
  // Always: server actions (the Simulator, test-run replies) store inbound messages in this process.
  const { tasks } = composeParley();
  if (!env.RUN_WORKER_IN_WEB) return;
  const { backgroundWorkStarted } = await import('@/lib/jobs/wake');
  const { startBackgroundWork } = await import('@/lib/jobs/start-background-work');
  // The production server (scripts/serve.ts) has started it already, in a worker thread.
  if (backgroundWorkStarted()) return;
  startBackgroundWork(tasks);
}
