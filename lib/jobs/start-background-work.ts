import { logger } from '@/lib/log/logger';
import { startLoops, type BackgroundTask, type LoopHandle } from '@/lib/jobs/background-loop';
import { registerLoops, runningLoops } from '@/lib/jobs/wake';
import { env } from '@/lib/env';
import { parseDatabaseUrl } from '@/lib/db/database-url';
import { listenForWakeups } from '@/lib/jobs/postgres-wake';
import { advisoryLeader, type Leader } from '@/lib/jobs/advisory-leader';

/**
 * Starts the background loops once per process (or worker thread). The tasks come from the
 * composition root (scripts/compose.ts), so lib/jobs imports no domain.
 */
export function startBackgroundWork(tasks: BackgroundTask[]): LoopHandle {
  const running = runningLoops();
  if (running) return running;
  const target = parseDatabaseUrl(env.DATABASE_URL);
  const leader = target.kind === 'postgres' ? advisoryLeader(target.url) : null;
  const loops = startLoops(leader ? tasks.map((task) => (task.singleton ? onlyInLeader(task, leader) : task)) : tasks);
  // On PostgreSQL other processes accept the work these loops do: they wake them through the database.
  const listener = target.kind === 'postgres' ? listenForWakeups(target.url, (name) => loops.wake(name)) : null;
  if (listener) {
    const stop = loops.stop;
    loops.stop = async () => {
      await listener.stop();
      await stop();
      await leader?.stop();
    };
  }
  registerLoops(loops);
  logger.info({ tasks: tasks.map((t) => t.name) }, 'background work started');
  return loops;
}

// How often a process that does not hold a singleton looks whether its holder has gone.
const FOLLOWER_LOOK_MS = 5000;

function onlyInLeader(task: BackgroundTask, leader: Leader): BackgroundTask {
  return { ...task, tick: async () => ((await leader.holds(task.name)) ? task.tick() : FOLLOWER_LOOK_MS) };
}
