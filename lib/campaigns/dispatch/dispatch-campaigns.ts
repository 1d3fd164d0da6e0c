import type { Db } from '@/lib/db/client';
import { readDate, sqlDate } from '@/lib/db/sql';
import { read, type Step, type Tx, write } from '@/lib/db/tx';
import { wakeBackgroundTask } from '@/lib/jobs/wake';
import { OUTBOX_TASK } from '@/lib/messaging/enqueue-outbound';
import { CampaignThrottle } from '@/lib/campaigns/dispatch/campaign-throttle';
import { DISPATCH_BATCH, dispatchBatch } from '@/lib/campaigns/dispatch/dispatch-batch';
import { campaignRate } from '@/lib/campaigns/dispatch/effective-rate';
import { giveBackShared, takeShared } from '@/lib/messaging/shared-rate';

export const CAMPAIGN_DISPATCH_TASK = 'campaign-dispatch';

// While a campaign runs the loop looks every 50 ms at most (well inside the throttle's quarter of a
// second, so its bucket does not overflow and the rate holds); with nothing running, once a second.
const ACTIVE_MS = 50;
const MIN_WAIT_MS = 10;
const IDLE_MS = 1000;
// Recipients per write transaction: one batch holds SQLite's write lock (and this thread) for a few
// milliseconds, so the API's sends and the outbox keep their turns.
const BATCH = 500;
// Recipients per tick over all campaigns: several campaigns share one loop in turns.
const PER_TICK = 2000;

export type DispatchOptions = { now?: () => Date; throttle?: CampaignThrottle; batch?: number };

type Running = { id: string; ratePerSecond: number; pending: number; queued: number; channelRate: number | null };

// A campaign's tokens: drawn from its shared RateBucket, so its dispatchers in every worker process
// together keep to its rate; or, for a test with a clock of its own, from a CampaignThrottle.
type CampaignTokens = {
  take(campaignId: string, ratePerSecond: number, want: number, at: Date): Promise<{ granted: number; waitMs: number }>;
  giveBack(campaignId: string, ratePerSecond: number, n: number): Promise<void>;
};

const sharedTokens = (db: Db): CampaignTokens => ({
  // A campaign's bucket holds a quarter of a second's worth and starts with one token (CampaignThrottle says why).
  take: (id, rate, want, at) =>
    takeShared(db, { key: `campaign:${id}`, ratePerSecond: rate, capacity: CampaignThrottle.capacity(rate), fresh: 1, want, now: at.getTime() }),
  giveBack: (id, rate, n) => giveBackShared(db, `campaign:${id}`, CampaignThrottle.capacity(rate), n),
});

const throttleTokens = (throttle: CampaignThrottle): CampaignTokens => ({
  take: async (id, rate, want) => {
    const granted = Math.min(throttle.allowance(id, rate), want);
    throttle.spend(id, rate, granted);
    return { granted, waitMs: throttle.msUntilToken(id, rate) };
  },
  giveBack: async (id, rate, n) => throttle.giveBack(id, rate, n),
});
let turn = 0;

/**
 * One pass of campaign dispatch (the `campaign-dispatch` background task): starts scheduled campaigns
 * whose time has come, hands each running campaign's due recipients to the send pipeline at the
 * campaign's rate (dispatchBatch), and completes a campaign once no recipient is pending or queued.
 * Returns ms until the next pass.
 */
export async function dispatchCampaigns(db: Db, opts: DispatchOptions = {}): Promise<number> {
  const now = opts.now ?? (() => new Date());
  const tokens = opts.throttle ? throttleTokens(opts.throttle) : sharedTokens(db);
  const batch = opts.batch ?? BATCH;
  const start = now();
  const scheduled = await read(db, (t) =>
    t.one<{ at: string | null; due: number }>(
      `SELECT MIN("scheduledAt") AS "at", CASE WHEN EXISTS(SELECT 1 FROM "Campaign" WHERE "status" = 'scheduled' AND "scheduledAt" <= ?) THEN 1 ELSE 0 END AS "due" FROM "Campaign" WHERE "status" = 'scheduled'`,
      sqlDate(start),
    ),
  );
  if (scheduled?.due) await write(db, (t) => startDueCampaigns(t, start));
  let wait = scheduled?.at && !scheduled.due ? Math.min(IDLE_MS, readDate(scheduled.at).getTime() - start.getTime()) : IDLE_MS;

  // A suspended account's campaigns are held where they are (still running, recipients pending) until it is resumed.
  const running = await read(db, (t) =>
    t.all<Running>(
      `SELECT c."id", c."ratePerSecond", c."pending", c."queued", ch."rateLimitPerSecond" AS "channelRate"
       FROM "Campaign" c LEFT JOIN "Channel" ch ON ch."id" = c."channelId" JOIN "Account" a ON a."id" = c."accountId"
       WHERE c."status" = 'running' AND a."suspendedAt" IS NULL ORDER BY c."createdAt", c."id"`,
    ),
  );
  opts.throttle?.retain(new Set(running.map((c) => c.id)));
  let budget = PER_TICK;
  turn = (turn + 1) % Math.max(1, running.length);
  for (const c of [...running.slice(turn), ...running.slice(0, turn)]) {
    if (c.pending === 0) {
      if (c.queued === 0) await write(db, (t) => completeCampaign(t, c.id, now()));
      else wait = Math.min(wait, ACTIVE_MS);
      continue;
    }
    if (budget < 1) {
      wait = 0; // this tick's share is spent: the next one comes straight away
      continue;
    }
    const rate = campaignRate(c.ratePerSecond, c.channelRate).effective;
    const at = now();
    const nextDue = await read(db, (t) => nextDueAt(t, c.id, at));
    if (nextDue === null || nextDue > at.getTime()) {
      // Nothing due yet (recipients at their local time): look again when the first is.
      wait = Math.min(wait, nextDue === null ? ACTIVE_MS : clamp(nextDue - at.getTime(), IDLE_MS));
      continue;
    }
    const { granted, waitMs } = await tokens.take(c.id, rate, Math.min(batch, budget), at);
    if (granted < 1) {
      wait = Math.min(wait, clamp(waitMs));
      continue;
    }
    const outcome = await write(db, (t) => dispatchBatch(t, c.id, granted, at), DISPATCH_BATCH);
    // Tokens for recipients that took no send (failed, drained, the campaign stopped) go back.
    if (outcome.queued < granted) await tokens.giveBack(c.id, rate, granted - outcome.queued);
    budget -= outcome.queued + outcome.failed;
    if (outcome.queued) wakeBackgroundTask(OUTBOX_TASK);
    if (outcome.stopReason) continue;
    if (!outcome.drained) wait = Math.min(wait, budget < 1 ? 0 : clamp(waitMs));
    else wait = Math.min(wait, ACTIVE_MS);
  }
  return Math.max(0, wait);
}

function clamp(ms: number, max = ACTIVE_MS): number {
  return Math.min(max, Math.max(MIN_WAIT_MS, ms));
}

/** When the campaign's first pending recipient is due (ms), now for one without a time of its own; null when none is pending. */
function* nextDueAt(t: Tx, campaignId: string, at: Date): Step<number | null> {
  if (yield* t.one(`SELECT 1 AS "one" FROM "CampaignRecipient" WHERE "campaignId" = ? AND "status" = 'pending' AND "dueAt" IS NULL LIMIT 1`, campaignId))
    return at.getTime();
  const next = (yield* t.one<{ at: string | null }>(
    `SELECT MIN("dueAt") AS "at" FROM "CampaignRecipient" WHERE "campaignId" = ? AND "status" = 'pending' AND "dueAt" IS NOT NULL`,
    campaignId,
  ))?.at;
  return next ? readDate(next).getTime() : null;
}

function* startDueCampaigns(t: Tx, at: Date): Step<void> {
  const when = sqlDate(at);
  yield* t.run(
    `UPDATE "Campaign" SET "status" = 'running', "startedAt" = COALESCE("startedAt", ?), "updatedAt" = ? WHERE "status" = 'scheduled' AND "scheduledAt" <= ?`,
    when,
    when,
    when,
  );
}

/** Completed once every recipient has left pending and queued (its message reached the provider or failed). */
function* completeCampaign(t: Tx, campaignId: string, at: Date): Step<void> {
  const when = sqlDate(at);
  const completed = yield* t.run(
    `UPDATE "Campaign" SET "status" = 'completed', "completedAt" = ?, "updatedAt" = ? WHERE "id" = ? AND "status" = 'running' AND "pending" = 0 AND "queued" = 0`,
    when,
    when,
    campaignId,
  );
  if (completed) yield* t.run('DELETE FROM "RateBucket" WHERE "key" = ?', `campaign:${campaignId}`);
}
