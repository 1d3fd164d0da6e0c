import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { OUTBOX_TASK } from '@/lib/messaging/enqueue-outbound';
import { processOutbox, settleOutbox } from '@/lib/messaging/process-outbox';
import { messagingTierTask } from '@/lib/messaging/messaging-tier-task';

/** The send outbox and sandbox receipts, and the automatic messaging-limit upgrade. */
export function messagingTasks(): BackgroundTask[] {
  return [{ name: OUTBOX_TASK, tick: () => processOutbox(db), settle: settleOutbox }, messagingTierTask(db, { intervalMs: env.MESSAGING_TIER_CHECK_MS })];
}
