import type { Db } from '@/lib/db/client';
import { sqlDate } from '@/lib/db/sql';
import { ConflictError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/record-audit-event';
import { moveCounters } from '@/lib/campaigns/dispatch/recipient-counters';
import { RETRYABLE_SQL } from '@/lib/campaigns/dispatch/retryable-errors';
import { transitionCampaign } from '@/lib/campaigns/lifecycle/campaign-transition';
import type { CampaignView } from '@/lib/campaigns/campaign-view';
import { getCampaign } from '@/lib/campaigns/get-campaign';

/**
 * Sends again to the recipients whose failure a later attempt can undo (retryable-errors.ts) and to
 * nobody else: each goes back to pending with its attempt raised, so its new message has a key of its
 * own (campaign:<id>:<row>:r<attempt>) and the failed one's late receipts no longer move it. The
 * campaign runs again, due now.
 */
export async function retryFailedCampaign(db: Db, actor: Actor, accountId: string, id: string): Promise<CampaignView> {
  await transitionCampaign(db, actor, accountId, id, {
    action: 'campaign.retry_failed',
    verb: 'retry-failed',
    allowed: ['completed', 'paused', 'running'],
    *apply(t, c, now) {
      const at = sqlDate(now);
      const retried = yield* t.run(
        `UPDATE "CampaignRecipient" SET "status" = 'pending', "attempt" = "attempt" + 1, "umid" = NULL, "errorCode" = NULL, "errorMessage" = NULL,
           "dueAt" = NULL, "updatedAt" = ? WHERE "campaignId" = ? AND "status" = 'failed' AND ${RETRYABLE_SQL}`,
        at,
        c.id,
      );
      if (!retried) throw new ConflictError(`No failed recipient of this campaign has a retryable error (${c.failed} failed for good)`);
      yield* moveCounters(t, c.id, 'failed', 'pending', retried, now);
      yield* t.run(
        `UPDATE "Campaign" SET "status" = 'running', "stopReason" = NULL, "completedAt" = NULL, "startedAt" = COALESCE("startedAt", ?), "updatedAt" = ? WHERE "id" = ?`,
        at,
        at,
        c.id,
      );
      return `Retried ${retried} failed recipients of campaign "${c.name}"`;
    },
  });
  return getCampaign(db, accountId, id);
}
