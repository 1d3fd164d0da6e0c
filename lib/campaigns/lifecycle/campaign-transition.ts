import type { Db } from '@/lib/db/client';
import { type Step, type Tx, write } from '@/lib/db/tx';
import { ConflictError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/record-audit-event';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { wakeBackgroundTask } from '@/lib/jobs/wake';
import type { CampaignStatus } from '@/lib/campaigns/campaign-spec';
import { campaignRowOf } from '@/lib/campaigns/get-campaign';
import { CAMPAIGN_DISPATCH_TASK } from '@/lib/campaigns/dispatch/dispatch-campaigns';

/** The Campaign columns a lifecycle action reads (of the row campaignRowOf reads, SQL-typed). */
export type CampaignHead = {
  id: string;
  accountId: string;
  subAccountId: string;
  name: string;
  status: CampaignStatus;
  templateName: string;
  templateLanguage: string;
  spec: string;
  scheduledAt: string | null;
  pending: number;
  failed: number;
};

export type Transition = {
  /** The audit action, e.g. campaign.pause. */
  action: string;
  /** What the user asked, for the 409: "pause", "retry-failed". */
  verb: string;
  allowed: readonly CampaignStatus[];
  /** The change, in the transaction; returns the audit entry's summary. */
  apply: (t: Tx, c: CampaignHead, now: Date) => Step<string>;
};

/**
 * A lifecycle action on one of the account's campaigns (launch, pause, resume, cancel, retry-failed):
 * 404 for another account's or an unknown campaign, 409 when its status does not allow the action,
 * otherwise the change and its audit entry in one write transaction (the same connection dispatch
 * writes on, so a batch and a pause never interleave). Dispatch is woken to act on it at once.
 */
export async function transitionCampaign(db: Db, actor: Actor, accountId: string, id: string, change: Transition): Promise<void> {
  await write(db, function* (t) {
    const c = (yield* campaignRowOf(t, accountId, id)) as unknown as CampaignHead;
    if (!change.allowed.includes(c.status)) {
      throw new ConflictError(`The campaign is ${c.status}: ${change.verb} is only for ${change.allowed.join(', ')} campaigns`);
    }
    const now = new Date();
    const summary = yield* change.apply(t, c, now);
    yield* insertAuditRow(t, actor, { accountId, action: change.action, entityType: 'campaign', entityId: id, summary }, now);
  });
  wakeBackgroundTask(CAMPAIGN_DISPATCH_TASK);
}
