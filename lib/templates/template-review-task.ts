import { db } from '@/lib/db/client';
import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { reviewPendingTemplates } from '@/lib/templates/review-pending-templates';

export const TEMPLATE_REVIEW_TASK = 'template-review';

/** The sandbox reviewer as a background loop: decides PENDING templates within SANDBOX_TEMPLATE_REVIEW_MS. */
export function templateReviewTask(): BackgroundTask {
  return { name: TEMPLATE_REVIEW_TASK, singleton: true, tick: async () => (await reviewPendingTemplates(db)).nextInMs };
}
