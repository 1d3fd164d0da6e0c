import { logger } from '@/lib/log/logger';
import { startLoops, type BackgroundTask, type LoopHandle } from '@/lib/jobs/background-loop';
import { registerLoops, runningLoops } from '@/lib/jobs/wake';
import { env } from '@/lib/env';
import { parseDatabaseUrl } from '@/lib/db/database-url';
import { listenForWakeups } from '@/lib/jobs/postgres-wake';

/**
 * Starts the background loops once per process (or worker thread). The tasks come from the
 * composition root (scripts/compose.ts), so lib/jobs imports no domain.
 */
export function startBackgroundWork(tasks: BackgroundTask[]): LoopHandle {
  const running = runningLoops();
  if (running) return running;
  const loops = startLoops(tasks);
  const target = parseDatabaseUrl(env.DATABASE_URL);
  // On PostgreSQL other processes accept the work these loops do: they wake them through the database.
  const listener = target.kind === 'postgres' ? listenForWakeups(target.url, (name) => loops.wake(name)) : null;
  if (listener) {
    const stop = loops.stop;
    loops.stop = async () => {
      await listener.stop();
      await stop();
    };
  }
  registerLoops(loops);
  logger.info({ tasks: tasks.map((t) => t.name) }, 'background work started');
  return loops;
}
