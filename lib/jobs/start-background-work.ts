import { logger } from '@/lib/log/logger';
import { startLoops, type BackgroundTask, type LoopHandle } from '@/lib/jobs/background-loop';
import { registerLoops, runningLoops } from '@/lib/jobs/wake';

/**
 * Starts the background loops once per process (or worker thread). The tasks come from the
 * composition root (scripts/compose.ts), so lib/jobs imports no domain.
 */
export function startBackgroundWork(tasks: BackgroundTask[]): LoopHandle {
  const running = runningLoops();
  if (running) return running;
  const loops = startLoops(tasks);
  registerLoops(loops);
  logger.info({ tasks: tasks.map((t) => t.name) }, 'background work started');
  return loops;
}
