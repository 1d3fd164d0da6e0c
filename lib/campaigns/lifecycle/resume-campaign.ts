import type { Db } from '@/lib/db/client';
import { readDate, sqlDate } from '@/lib/db/sql';
import type { Actor } from '@/lib/audit/record-audit-event';
import { transitionCampaign } from '@/lib/campaigns/lifecycle/campaign-transition';
import type { CampaignView } from '@/lib/campaigns/campaign-view';
import { getCampaign } from '@/lib/campaigns/get-campaign';

/**
 * Resumes a paused campaign where it stopped (the pending recipients; nobody is sent twice) and clears
 * the reason it stopped for. One paused before its scheduled time goes back to waiting for it.
 */
export async function resumeCampaign(db: Db, actor: Actor, accountId: string, id: string): Promise<CampaignView> {
  await transitionCampaign(db, actor, accountId, id, {
    action: 'campaign.resume',
    verb: 'resume',
    allowed: ['paused'],
    *apply(t, c, now) {
      const waits = c.scheduledAt !== null && readDate(c.scheduledAt).getTime() > now.getTime();
      const at = sqlDate(now);
      yield* t.run(
        `UPDATE "Campaign" SET "status" = ?, "stopReason" = NULL, "startedAt" = CASE WHEN ? THEN "startedAt" ELSE COALESCE("startedAt", ?) END, "updatedAt" = ? WHERE "id" = ?`,
        waits ? 'scheduled' : 'running',
        waits ? 1 : 0,
        at,
        at,
        c.id,
      );
      return `Resumed campaign "${c.name}" with ${c.pending} recipients pending`;
    },
  });
  return getCampaign(db, accountId, id);
}
