import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { OUTBOX_TASK } from '@/lib/messaging/enqueue-outbound';
import { processOutbox, settleOutbox } from '@/lib/messaging/process-outbox';
import { messagingTierTask } from '@/lib/messaging/messaging-tier-task';
import { pruneIdleBuckets } from '@/lib/messaging/shared-rate';

const PRUNE_BUCKETS_EVERY_MS = 10 * 60_000;

/** The send outbox and sandbox receipts, the automatic messaging-limit upgrade, and idle rate buckets' removal. */
export function messagingTasks(): BackgroundTask[] {
  return [
    { name: OUTBOX_TASK, tick: () => processOutbox(db), settle: settleOutbox },
    messagingTierTask(db, { intervalMs: env.MESSAGING_TIER_CHECK_MS }),
    {
      name: 'rate-bucket-prune',
      singleton: true,
      tick: async () => {
        await pruneIdleBuckets(db, Date.now());
        return PRUNE_BUCKETS_EVERY_MS;
      },
    },
  ];
}
