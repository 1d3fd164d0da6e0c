import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { db } from '@/lib/db/client';
import { dispatchEvents } from '@/lib/webhooks/dispatch-events';
import { deliverDue } from '@/lib/webhooks/deliver';

export const WEBHOOKS_TASK = 'webhooks';

/** Fan-out of stored events and delivery attempts; looks again every 500 ms, sooner while busy. */
export function webhookTasks(): BackgroundTask[] {
  return [
    {
      name: WEBHOOKS_TASK,
      tick: async () => {
        const events = await dispatchEvents(db);
        const sent = await deliverDue(db);
        return events > 0 || sent > 0 ? 0 : 500;
      },
    },
  ];
}
