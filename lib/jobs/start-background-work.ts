import { logger } from '@/lib/log/logger';
import { startLoops, type LoopHandle } from '@/lib/jobs/background-loop';
import { backgroundTasks } from '@/lib/jobs/background-tasks';

const g = globalThis as unknown as { parleyLoops?: LoopHandle };

/** Starts the background loops once per process. */
export async function startBackgroundWork(): Promise<LoopHandle> {
  if (g.parleyLoops) return g.parleyLoops;
  const tasks = await backgroundTasks();
  g.parleyLoops = startLoops(tasks);
  logger.info({ tasks: tasks.map((t) => t.name) }, 'background work started');
  return g.parleyLoops;
}

/** Lets a producer in this process (e.g. a new send) wake a sleeping loop at once. */
export function wakeBackgroundTask(name?: string): void {
  g.parleyLoops?.wake(name);
}
