import type { Db } from '@/lib/db/client';
import { sqlDate } from '@/lib/db/sql';
import type { Actor } from '@/lib/audit/record-audit-event';
import { moveCounters } from '@/lib/campaigns/dispatch/recipient-counters';
import { transitionCampaign } from '@/lib/campaigns/lifecycle/campaign-transition';
import type { CampaignView } from '@/lib/campaigns/campaign-view';
import { getCampaign } from '@/lib/campaigns/get-campaign';

/**
 * Cancels a campaign for good: its pending recipients become skipped (they will not be sent), while
 * messages already handed to the send pipeline finish and still update their recipients.
 */
export async function cancelCampaign(db: Db, actor: Actor, accountId: string, id: string): Promise<CampaignView> {
  await transitionCampaign(db, actor, accountId, id, {
    action: 'campaign.cancel',
    verb: 'cancel',
    allowed: ['draft', 'scheduled', 'running', 'paused'],
    *apply(t, c, now) {
      const at = sqlDate(now);
      const skipped = yield* t.run(
        `UPDATE "CampaignRecipient" SET "status" = 'skipped', "updatedAt" = ? WHERE "campaignId" = ? AND "status" = 'pending'`,
        at,
        c.id,
      );
      yield* moveCounters(t, c.id, 'pending', 'skipped', skipped, now);
      yield* t.run(`UPDATE "Campaign" SET "status" = 'cancelled', "updatedAt" = ? WHERE "id" = ?`, at, c.id);
      return `Cancelled campaign "${c.name}" (${c.status}); ${skipped} pending recipients skipped`;
    },
  });
  return getCampaign(db, accountId, id);
}
