import { RateLimitError } from '@/lib/errors';
import { lockKey } from '@/lib/db/tx-locks';
import { sqlDate } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
import { inList } from '@/lib/db/in-list';
import { insertRow, insertRows } from '@/lib/db/insert-rows';
import { MESSAGING_LIMIT_REACHED } from '@/lib/messaging/codes';

// The WhatsApp messaging-limit tier: how many unique users an account may start business-initiated
// conversations with in a rolling 24 h. Replies inside an open CSW never count.
export const TIER_LIMITS: Record<string, number> = {
  TIER_250: 250,
  TIER_1K: 1_000,
  TIER_2K: 2_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: Number.POSITIVE_INFINITY,
};

export const DAY_MS = 24 * 3600_000;

export function tierLimit(tier: string): number {
  return TIER_LIMITS[tier] ?? TIER_LIMITS.TIER_250;
}

/**
 * Counts a business-initiated conversation with msisdn, or throws when the account has already reached
 * its tier's number of unique users in the last 24 h. A user already counted in the window is free.
 * Runs inside the send's write transaction, so two sends cannot both take the last place.
 */
export function* claimBusinessConversation(t: Tx, args: { accountId: string; msisdn: string; at: Date }, batch?: BusinessConversationBatch): Step<void> {
  if (batch) return yield* claimInBatch(t, args, batch);
  const since = sqlDate(new Date(args.at.getTime() - DAY_MS));
  const tier = yield* accountTier(t, args.accountId);
  const limit = tierLimit(tier);
  // The count decides: sends of one account that may add a user take their turn (lib/db/tx.ts, LOCKING).
  // An unlimited tier has no count to keep exact, so its sends (a campaign's parallel batches) need not wait.
  if (Number.isFinite(limit)) yield* lockKey(t, 'business-conversations', args.accountId);
  const counted = yield* t.one(
    'SELECT 1 AS "x" FROM "BusinessConversation" WHERE "accountId" = ? AND "msisdn" = ? AND "openedAt" > ? LIMIT 1',
    args.accountId,
    args.msisdn,
    since,
  );
  if (counted) return;
  if (Number.isFinite(limit) && (yield* usersInLast24h(t, args.accountId, args.at)) >= limit) throw limitReached(tier, limit);
  yield* insertRow(t, 'BusinessConversation', CONVERSATION_COLUMNS, conversationValues(args));
}

/**
 * claimBusinessConversation's reads for a batch of sends from one account (a campaign's batch), made
 * once: the tier, then, at the first claim and after the tier's lock (held to the commit, so no other
 * send of the account adds a user meanwhile), which of the batch's numbers are counted already and how
 * many users are. The claims then keep both current, so a number twice in a batch is counted once. A
 * campaign batch of 500 made 3 reads per recipient (and counted the whole day's users each time).
 */
export type BusinessConversationBatch = {
  readonly accountId: string;
  readonly numbers: ReadonlySet<string>;
  tier: string | null;
  counted: Set<string> | null;
  users: number;
  /** The conversations claimed, to be written with the batch's other rows (insertClaimed). */
  readonly claimed: unknown[][];
};

export function businessConversationBatch(accountId: string, numbers: ReadonlySet<string>): BusinessConversationBatch {
  return { accountId, numbers, tier: null, counted: null, users: 0, claimed: [] };
}

const CONVERSATION_COLUMNS = ['accountId', 'msisdn', 'openedAt'] as const;

/** Writes a batch's claimed conversations (nothing in the batch reads them back: it counts in memory). */
export function* insertClaimed(t: Tx, b: BusinessConversationBatch): Step<void> {
  yield* insertRows(t, 'BusinessConversation', CONVERSATION_COLUMNS, b.claimed.splice(0));
}

function* claimInBatch(t: Tx, args: { accountId: string; msisdn: string; at: Date }, b: BusinessConversationBatch): Step<void> {
  b.tier ??= yield* accountTier(t, args.accountId);
  const limit = tierLimit(b.tier);
  if (!b.counted) {
    if (Number.isFinite(limit)) yield* lockKey(t, 'business-conversations', args.accountId);
    const list = inList(t, [...b.numbers]);
    const rows = yield* t.all<{ msisdn: string }>(
      `SELECT DISTINCT "msisdn" FROM "BusinessConversation" WHERE "accountId" = ? AND "openedAt" > ? AND "msisdn" ${list.sql}`,
      args.accountId,
      sqlDate(new Date(args.at.getTime() - DAY_MS)),
      list.param,
    );
    b.counted = new Set(rows.map((r) => r.msisdn));
    b.users = Number.isFinite(limit) ? yield* usersInLast24h(t, args.accountId, args.at) : 0;
  }
  if (b.counted.has(args.msisdn)) return;
  if (b.users >= limit) throw limitReached(b.tier, limit);
  b.claimed.push(conversationValues(args));
  b.counted.add(args.msisdn);
  b.users++;
}

function* accountTier(t: Tx, accountId: string): Step<string> {
  return (yield* t.one<{ messagingTier: string }>('SELECT "messagingTier" FROM "Account" WHERE "id" = ?', accountId))?.messagingTier ?? 'TIER_250';
}

const limitReached = (tier: string, limit: number) =>
  new RateLimitError(
    `Messaging limit reached: account tier ${tier} allows business-initiated conversations with ${limit} unique users per rolling 24 hours`,
    MESSAGING_LIMIT_REACHED,
  );

const conversationValues = (args: { accountId: string; msisdn: string; at: Date }) => [args.accountId, args.msisdn, sqlDate(args.at)];

/**
 * Unique users with a business-initiated conversation in the 24 h before `at`. A user gets a new row
 * only when none of theirs is in the window, so counting rows over the (accountId, openedAt) index
 * counts users.
 */
export function* usersInLast24h(t: Tx, accountId: string, at: Date): Step<number> {
  return (yield* t.one<{ n: number }>(
    'SELECT COUNT(*) AS n FROM "BusinessConversation" WHERE "accountId" = ? AND "openedAt" > ?',
    accountId,
    sqlDate(new Date(at.getTime() - DAY_MS)),
  ))!.n;
}
