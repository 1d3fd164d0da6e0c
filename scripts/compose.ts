import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { messagingTasks } from '@/lib/messaging/background';
import { webhookTasks } from '@/lib/webhooks/background';
import { templateReviewTask } from '@/lib/templates/template-review-task';
import { automationTasks } from '@/lib/automation/runner/background';

/**
 * Every domain's background work, run by the web process (embedded default) and by `npm run worker`.
 * Domains add their task here: e.g. the template reviewer, the send outbox, the workflow timers.
 */
export async function backgroundTasks(): Promise<BackgroundTask[]> {
  return [...messagingTasks(), ...webhookTasks(), templateReviewTask(), ...automationTasks()];
}
