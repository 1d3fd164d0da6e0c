import type { Step, Tx } from '@/lib/db/tx';

// On PostgreSQL a batch's recipients move to queued in one statement at its end, with their rows and
// message ids passed as two arrays: a statement (a round trip) per recipient was most of a batch's time.
// The text is the same whatever the batch's length, so it is prepared once. SQLite runs in-process, where
// a statement per recipient costs microseconds, and its planner would join the other way round (every
// recipient of the campaign against the list).
const MARK_QUEUED_ALL = `UPDATE "CampaignRecipient" AS r SET "status" = 'queued', "umid" = v."umid", "errorCode" = NULL, "errorMessage" = NULL, "updatedAt" = ?
  FROM unnest(?::int[], ?::text[]) AS v("row", "umid")
  WHERE r."campaignId" = ? AND r."row" = v."row"`;
const MARK_QUEUED_ONE = `UPDATE "CampaignRecipient" SET "status" = 'queued', "umid" = ?, "errorCode" = NULL, "errorMessage" = NULL, "updatedAt" = ? WHERE "campaignId" = ? AND "row" = ?`;

export type QueuedRecipient = { row: number; umid: string };

/** Marks `queued` (recipients of `campaignId` whose messages were stored) queued, with their messages' ids. */
export function* markQueued(t: Tx, campaignId: string, queued: readonly QueuedRecipient[], at: string): Step<void> {
  if (!queued.length) return;
  let changed = 0;
  if (t.dialect === 'postgres') {
    changed = yield* t.run(
      MARK_QUEUED_ALL,
      at,
      queued.map((q) => q.row),
      queued.map((q) => q.umid),
      campaignId,
    );
  } else {
    for (const q of queued) changed += yield* t.run(MARK_QUEUED_ONE, q.umid, at, campaignId, q.row);
  }
  // Every one was claimed by this transaction: fewer rows changed means a row number that is not this campaign's.
  if (changed !== queued.length) throw new Error(`markQueued: ${changed} of ${queued.length} recipients updated`);
}
