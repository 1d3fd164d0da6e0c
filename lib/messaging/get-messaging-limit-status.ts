import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { readDateOrNull } from '@/lib/db/sql';
import { read, type Step } from '@/lib/db/tx';
import { DAY_MS, tierLimit, usersInLast24h } from '@/lib/messaging/messaging-limit';
import { isMessagingTier, type MessagingTier } from '@/lib/messaging/messaging-tier-ladder';
import { upgradeProgress } from '@/lib/messaging/upgrade-progress';

export type MessagingLimitStatus = {
  tier: MessagingTier;
  /** Unique users per rolling 24 h; null when unlimited. */
  limit: number | null;
  usersLast24h: number;
  since: Date | null;
  next: { tier: MessagingTier; users: number; needed: number; windowDays: number; lowQuality: boolean } | null;
};

/** Where the account stands: its tier, today's usage, and how far the next automatic upgrade is. */
export async function getMessagingLimitStatus(db: Db, accountId: string, now = new Date()): Promise<MessagingLimitStatus> {
  return read(db, function* (t): Step<MessagingLimitStatus> {
    const account = yield* t.one<{ id: string; messagingTier: string; messagingTierSince: unknown }>(
      'SELECT "id", "messagingTier", "messagingTierSince" FROM "Account" WHERE "id" = ?',
      accountId,
    );
    if (!account) throw new NotFoundError('Account not found');
    const usersLast24h = yield* usersInLast24h(t, accountId, now);
    const limit = tierLimit(account.messagingTier);
    const progress = yield* upgradeProgress(t, account, now);
    return {
      tier: isMessagingTier(account.messagingTier) ? account.messagingTier : 'TIER_250',
      limit: Number.isFinite(limit) ? limit : null,
      usersLast24h,
      since: readDateOrNull(account.messagingTierSince),
      next: progress && {
        tier: progress.rule.to,
        users: progress.users,
        needed: progress.rule.users,
        windowDays: Math.round(progress.rule.windowMs / DAY_MS),
        lowQuality: progress.lowQuality,
      },
    };
  });
}
