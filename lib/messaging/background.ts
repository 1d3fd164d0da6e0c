import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { db } from '@/lib/db/client';
import { OUTBOX_TASK } from '@/lib/messaging/enqueue-outbound';
import { processOutbox } from '@/lib/messaging/process-outbox';

/** The send outbox and sandbox receipts. */
export function messagingTasks(): BackgroundTask[] {
  return [{ name: OUTBOX_TASK, tick: () => processOutbox(db) }];
}
