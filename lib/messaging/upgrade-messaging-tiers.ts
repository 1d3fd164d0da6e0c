import type { Db } from '@/lib/db/client';
import { systemActor } from '@/lib/audit/record-audit-event';
import { sqlDate } from '@/lib/db/sql';
import { read } from '@/lib/db/tx';
import { changeMessagingTier, type TierChange } from '@/lib/messaging/change-messaging-tier';
import { LONGEST_UPGRADE_WINDOW_MS, UPGRADE_RULES, type MessagingTier } from '@/lib/messaging/messaging-tier-ladder';
import { upgradeProgress } from '@/lib/messaging/upgrade-progress';

const UPGRADABLE = Object.keys(UPGRADE_RULES) as MessagingTier[];
const WHATSAPP = systemActor('WhatsApp (automatic upgrade)');

type Candidate = { id: string; messagingTier: MessagingTier; messagingTierSince: unknown };

/**
 * WhatsApp's automatic messaging-limit upgrade (messaging-tier-ladder.ts has the rules): lifts each
 * qualifying account one tier. Only accounts below TIER_UNLIMITED with a business-initiated
 * conversation inside the longest window are looked at, each with a few reads on the
 * BusinessConversation indexes (upgrade-progress.ts). Usage counts from when the current tier began,
 * so the conversations that earned one upgrade do not earn the next. "High-quality messages": no
 * template of the account is PAUSED or DISABLED (in Parley only a RED quality rating puts one there).
 */
export async function upgradeMessagingTiers(db: Db, opts: { now?: Date } = {}): Promise<({ accountId: string } & TierChange)[]> {
  const now = opts.now ?? new Date();
  const due = await read(db, function* (t) {
    const candidates = yield* t.all<Candidate>(
      `SELECT a."id", a."messagingTier", a."messagingTierSince" FROM "Account" a
        WHERE a."messagingTier" IN (${UPGRADABLE.map(() => '?').join(', ')})
          AND EXISTS (SELECT 1 FROM "BusinessConversation" b WHERE b."accountId" = a."id" AND b."openedAt" > ?)`,
      ...UPGRADABLE,
      sqlDate(new Date(now.getTime() - LONGEST_UPGRADE_WINDOW_MS)),
    );
    const qualifying: Candidate[] = [];
    for (const a of candidates) if ((yield* upgradeProgress(t, a, now, { quick: true }))?.qualifies) qualifying.push(a);
    return qualifying;
  });
  const done: ({ accountId: string } & TierChange)[] = [];
  for (const a of due) {
    const rule = UPGRADE_RULES[a.messagingTier]!;
    const change = await changeMessagingTier(db, {
      accountId: a.id,
      to: rule.to,
      expectFrom: a.messagingTier,
      actor: WHATSAPP,
      reason: `${rule.why}, with no paused or disabled template`,
      now,
    });
    if (change) done.push({ accountId: a.id, ...change });
  }
  return done;
}
