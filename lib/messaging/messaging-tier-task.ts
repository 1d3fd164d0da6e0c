import type { Db } from '@/lib/db/client';
import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { logger } from '@/lib/log/logger';
import { upgradeMessagingTiers } from '@/lib/messaging/upgrade-messaging-tiers';

export const MESSAGING_TIER_TASK = 'messaging-tier';

/**
 * The automatic messaging-limit upgrade as a background loop: looks every `intervalMs`
 * (MESSAGING_TIER_CHECK_MS). Upgrades follow usage over days, so a few minutes late costs nothing,
 * while each look reads every active account's recent conversations. `now` is the clock (tests).
 */
export function messagingTierTask(db: Db, opts: { intervalMs: number; now?: () => Date }): BackgroundTask {
  return {
    name: MESSAGING_TIER_TASK,
    singleton: true,
    tick: async () => {
      const upgraded = await upgradeMessagingTiers(db, { now: opts.now?.() });
      for (const u of upgraded) logger.info({ accountId: u.accountId, from: u.from, to: u.to }, 'messaging limit upgraded');
      return opts.intervalMs;
    },
  };
}
