// Next calls register() once when the server starts: the embedded default runs background work
// (timers, outbox, reviews) inside the web process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  if (!env.RUN_WORKER_IN_WEB) return;
  const { backgroundWorkStarted, startBackgroundWork } = await import('@/lib/jobs/start-background-work');
  // The production server (scripts/serve.ts) has started it already, in a worker thread.
  if (backgroundWorkStarted()) return;
  await startBackgroundWork();
}
