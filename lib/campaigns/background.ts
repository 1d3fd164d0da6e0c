import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { db } from '@/lib/db/client';
import { CAMPAIGN_DISPATCH_TASK, dispatchCampaigns } from '@/lib/campaigns/dispatch/dispatch-campaigns';

/** Campaign dispatch: scheduled campaigns started on time, running ones handed to the send outbox at their rate. */
export function campaignTasks(): BackgroundTask[] {
  return [{ name: CAMPAIGN_DISPATCH_TASK, tick: () => dispatchCampaigns(db) }];
}
