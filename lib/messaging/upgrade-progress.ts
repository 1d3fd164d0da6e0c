import { readDateOrNull, sqlDate } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
import { UPGRADE_RULES, type MessagingTier, type UpgradeRule } from '@/lib/messaging/messaging-tier-ladder';

export type UpgradeProgress = {
  rule: UpgradeRule;
  /** Unique users counted toward the rule, at most rule.users. */
  users: number;
  /** A template of the account is PAUSED or DISABLED: its messages are not "high-quality". */
  lowQuality: boolean;
  qualifies: boolean;
};

/**
 * How far the account is toward its next automatic upgrade, or null at a tier with none above it.
 * Usage counts from the later of the rule's window start and when the current tier began. With
 * `quick`, an account whose conversations in the window are fewer than the rule needs is answered
 * from that one count (rows bound users from above: a user has at most one row a day), which is all
 * the periodic check needs; users is then that row count.
 */
export function* upgradeProgress(
  t: Tx,
  account: { id: string; messagingTier: string; messagingTierSince: unknown },
  now: Date,
  opts: { quick?: boolean } = {},
): Step<UpgradeProgress | null> {
  const rule = UPGRADE_RULES[account.messagingTier as MessagingTier];
  if (!rule) return null;
  const tierSince = readDateOrNull(account.messagingTierSince)?.getTime() ?? -Infinity;
  const since = sqlDate(new Date(Math.max(now.getTime() - rule.windowMs, tierSince)));
  if (opts.quick) {
    const rows = (yield* t.one<{ n: number }>('SELECT COUNT(*) AS n FROM "BusinessConversation" WHERE "accountId" = ? AND "openedAt" > ?', account.id, since))!
      .n;
    if (rows < rule.users) return { rule, users: rows, lowQuality: false, qualifies: false };
  }
  // DISTINCT … LIMIT stops once enough users are found, however busy the account.
  const users = (yield* t.one<{ n: number }>(
    'SELECT COUNT(*) AS n FROM (SELECT DISTINCT "msisdn" FROM "BusinessConversation" WHERE "accountId" = ? AND "openedAt" > ? LIMIT ?) AS u',
    account.id,
    since,
    rule.users,
  ))!.n;
  const lowQuality = !!(yield* t.one(`SELECT 1 AS "x" FROM "Template" WHERE "accountId" = ? AND "status" IN ('PAUSED', 'DISABLED') LIMIT 1`, account.id));
  return { rule, users, lowQuality, qualifies: users >= rule.users && !lowQuality };
}
