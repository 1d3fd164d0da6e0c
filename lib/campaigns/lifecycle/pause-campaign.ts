import type { Db } from '@/lib/db/client';
import { sqlDate } from '@/lib/db/sql';
import type { Actor } from '@/lib/audit/record-audit-event';
import { transitionCampaign } from '@/lib/campaigns/lifecycle/campaign-transition';
import type { CampaignView } from '@/lib/campaigns/campaign-view';
import { getCampaign } from '@/lib/campaigns/get-campaign';

/**
 * Pauses a running or scheduled campaign: dispatch hands over nothing more (a batch in flight commits
 * before or after, never half), messages already queued still go, and resume carries on.
 */
export async function pauseCampaign(db: Db, actor: Actor, accountId: string, id: string): Promise<CampaignView> {
  await transitionCampaign(db, actor, accountId, id, {
    action: 'campaign.pause',
    verb: 'pause',
    allowed: ['running', 'scheduled'],
    *apply(t, c, now) {
      yield* t.run(`UPDATE "Campaign" SET "status" = 'paused', "stopReason" = NULL, "updatedAt" = ? WHERE "id" = ?`, sqlDate(now), c.id);
      return `Paused campaign "${c.name}" with ${c.pending} recipients pending`;
    },
  });
  return getCampaign(db, accountId, id);
}
