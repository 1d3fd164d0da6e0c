import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { db } from '@/lib/db/client';
import { AUTO_CLOSE_TASK } from '@/lib/converse/converse-config';
import { AUTO_CLOSE_MAX_SLEEP_MS, closeDueTickets } from '@/lib/converse/auto-close-tickets';

/**
 * Converse's durable work: resolved and pending tickets close after the account's configured hours.
 * The task sleeps until the next ticket falls due (at most a minute); resolving a ticket, setting one
 * pending or saving the configuration wakes it.
 */
export function converseTasks(): BackgroundTask[] {
  return [
    {
      name: AUTO_CLOSE_TASK,
      singleton: true,
      tick: async () => {
        const now = new Date();
        const r = await closeDueTickets(db, now);
        if (r.more) return 0;
        return r.nextDueAt ? Math.min(AUTO_CLOSE_MAX_SLEEP_MS, Math.max(10, r.nextDueAt.getTime() - Date.now())) : AUTO_CLOSE_MAX_SLEEP_MS;
      },
    },
  ];
}
