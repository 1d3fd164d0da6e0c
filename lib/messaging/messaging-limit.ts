import { RateLimitError } from '@/lib/errors';
import { MESSAGING_LIMIT_REACHED } from '@/lib/messaging/codes';
import type { Tx } from '@/lib/messaging/tx';

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

const DAY_MS = 24 * 3600_000;

export function tierLimit(tier: string): number {
  return TIER_LIMITS[tier] ?? TIER_LIMITS.TIER_250;
}

/**
 * Counts a business-initiated conversation with msisdn, or throws when the account has already reached
 * its tier's number of unique users in the last 24 h. A user already counted in the window is free.
 */
export async function claimBusinessConversation(tx: Tx, args: { accountId: string; msisdn: string; at: Date }): Promise<void> {
  const since = new Date(args.at.getTime() - DAY_MS);
  const existing = await tx.businessConversation.findFirst({
    where: { accountId: args.accountId, msisdn: args.msisdn, openedAt: { gt: since } },
    select: { id: true },
  });
  if (existing) return;
  const account = await tx.account.findUnique({ where: { id: args.accountId }, select: { messagingTier: true } });
  const limit = tierLimit(account?.messagingTier ?? 'TIER_250');
  if (Number.isFinite(limit)) {
    const users = await tx.businessConversation.groupBy({ by: ['msisdn'], where: { accountId: args.accountId, openedAt: { gt: since } } });
    if (users.length >= limit) {
      throw new RateLimitError(
        `Messaging limit reached: account tier ${account?.messagingTier} allows business-initiated conversations with ${limit} unique users per rolling 24 hours`,
        MESSAGING_LIMIT_REACHED,
      );
    }
  }
  await tx.businessConversation.create({ data: { accountId: args.accountId, msisdn: args.msisdn, openedAt: args.at } });
}
