import { db } from '@/lib/db/client';
import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { runDueWork, pruneFinishedInstances } from './due-work';

const PRUNE_EVERY_MS = 60 * 60_000;

/** The runner's background work: due timers, abandoned instances, and (hourly) retention pruning. */
export function automationTasks(): BackgroundTask[] {
  let lastPrune = 0;
  return [
    { name: 'automation-timers', tick: () => runDueWork(db) },
    {
      name: 'automation-retention',
      singleton: true,
      tick: async () => {
        if (Date.now() - lastPrune >= PRUNE_EVERY_MS) {
          lastPrune = Date.now();
          await pruneFinishedInstances(db);
        }
        return PRUNE_EVERY_MS;
      },
    },
  ];
}
