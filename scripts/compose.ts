// The composition root: what every entry point that runs Parley (the web server, `npm run worker`, the
// background thread, Next's instrumentation, the tests and the benches) wires together. Domains know
// nothing of each other's background work or of who consumes inbound messages; this file does.
import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { messagingTasks } from '@/lib/messaging/background';
import { registerInboundConsumer } from '@/lib/messaging/inbound-consumers';
import { webhookTasks } from '@/lib/webhooks/background';
import { templateReviewTask } from '@/lib/templates/template-review-task';
import { automationTasks } from '@/lib/automation/runner/background';
import { automationInboundConsumer } from '@/lib/automation/route-inbound';
import { contactsInboundConsumer } from '@/lib/contacts/contacts-inbound-consumer';
import { registerStatusListener } from '@/lib/messaging/status-listeners';
import { campaignStatusListener } from '@/lib/campaigns/campaign-status-listener';
import { campaignTasks } from '@/lib/campaigns/background';
import { converseInboundConsumer } from '@/lib/converse/converse-inbound-consumer';
import { converseTasks } from '@/lib/converse/background';
import { rollupFoldTask } from '@/lib/analytics/fold-rollup-shards';
import { db } from '@/lib/db/client';
import { postgresPool } from '@/lib/db/postgres/run-postgres';
import { postgresNotifier } from '@/lib/jobs/postgres-wake';
import { setRemoteWaker } from '@/lib/jobs/wake';

/** Registers the consumers of inbound messages: automation now; Converse and contacts next. Idempotent. */
export function registerInboundConsumers(): void {
  registerInboundConsumer(automationInboundConsumer);
  registerInboundConsumer(contactsInboundConsumer);
  registerInboundConsumer(converseInboundConsumer);
  // Not an inbound consumer, but needed wherever one is: campaign results follow their messages' status.
  registerStatusListener(campaignStatusListener);
  // On PostgreSQL the loops that take this process's work may run in other processes: wake them too.
  const pool = postgresPool(db);
  if (pool) setRemoteWaker(postgresNotifier(pool));
}

/**
 * Every domain's background work, run by the web process (embedded default) and by `npm run worker`.
 * Domains add their task here: e.g. the template reviewer, the send outbox, the workflow timers.
 */
export function backgroundTasks(): BackgroundTask[] {
  return [...messagingTasks(), ...webhookTasks(), templateReviewTask(), ...automationTasks(), ...campaignTasks(), ...converseTasks(), rollupFoldTask(db)];
}

/** Wires Parley for a process that runs its background work: consumers registered, the task list. */
export function composeParley(): { tasks: BackgroundTask[] } {
  registerInboundConsumers();
  return { tasks: backgroundTasks() };
}
