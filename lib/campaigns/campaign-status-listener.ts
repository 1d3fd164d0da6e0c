import { sqlDate } from '@/lib/db/sql';
import { locking } from '@/lib/db/tx-locks';
import type { StatusListener } from '@/lib/messaging/status-listeners';
import type { RecipientStatus } from '@/lib/campaigns/campaign-spec';
import { moveCounters } from '@/lib/campaigns/dispatch/recipient-counters';
import { parseRecipientMessageKey } from '@/lib/campaigns/dispatch/recipient-key';
import { movesForward, recipientStateFor } from '@/lib/campaigns/dispatch/recipient-state';

const RECIPIENT_FOR_STATUS = locking('SELECT "status", "attempt" FROM "CampaignRecipient" WHERE "campaignId" = ? AND "row" = ?');

/**
 * Campaign results follow their messages: each status change of a campaign message moves its
 * recipient (queued → sent → delivered → read, or failed with the error; 131050, an opt-out since the
 * import, skipped) and the campaign's counters, inside the transaction that applies the change. It runs
 * on every status change of every message, so a message outside a campaign costs one field test, and a
 * campaign's costs one primary-key read and two updates. A message of an earlier attempt (before
 * retry-failed) no longer speaks for its recipient and is ignored.
 */
export const campaignStatusListener: StatusListener = {
  name: 'campaigns',
  *onStatus(t, change) {
    if (!change.campaignId) return;
    const key = parseRecipientMessageKey(change.clientMessageId);
    if (!key || key.campaignId !== change.campaignId) return;
    const r = yield* t.one<{ status: RecipientStatus; attempt: number }>(RECIPIENT_FOR_STATUS[t.dialect], key.campaignId, key.row);
    if (!r || r.attempt !== key.attempt) return;
    const to = recipientStateFor(change.to, change.errorCode);
    if (!movesForward(r.status, to)) return;
    const failing = to === 'failed' || to === 'skipped';
    yield* t.run(
      'UPDATE "CampaignRecipient" SET "status" = ?, "errorCode" = ?, "errorMessage" = ?, "updatedAt" = ? WHERE "campaignId" = ? AND "row" = ?',
      to,
      failing ? change.errorCode : null,
      failing ? change.errorMessage : null,
      sqlDate(change.at),
      key.campaignId,
      key.row,
    );
    yield* moveCounters(t, key.campaignId, r.status, to, 1, change.at);
  },
};
