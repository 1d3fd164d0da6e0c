import { DAY_MS, TIER_LIMITS } from '@/lib/messaging/messaging-limit';

// The messaging-limit tiers in order, and what lifts an account from one to the next. The reference
// docs ("Messaging Limits (Portfolio-Based)"):
//   Tier 1 (250) → Tier 2 (2,000): "Sending 2,000 high-quality template messages to unique users within
//   a 30-day window" (business verification, the other way, does not exist in the sandbox).
//   After 2,000, "automatically upgraded to 10k, 100k, and finally Unlimited" when "You are sending
//   high-quality messages" and "You have used at least 50% of your current limit in the last 7 days".
// TIER_1K is the older 1,000 tier (Parley's default) that the docs' own sample webhook upgrades
// straight to TIER_10K ("oldLimit": "TIER_1K", "currentLimit": "TIER_10K"): it takes the 50% rule too.

export const MESSAGING_TIERS = ['TIER_250', 'TIER_1K', 'TIER_2K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED'] as const;
export type MessagingTier = (typeof MESSAGING_TIERS)[number];

export type UpgradeRule = {
  to: MessagingTier;
  /** Unique users with a business-initiated conversation needed within the window. */
  users: number;
  windowMs: number;
  /** The docs' wording, for the audit entry. */
  why: string;
};

const HALF_OF_LIMIT = (from: MessagingTier, to: MessagingTier): UpgradeRule => ({
  to,
  users: Math.ceil(TIER_LIMITS[from]! / 2),
  windowMs: 7 * DAY_MS,
  why: `used at least 50% of the ${from} limit in the last 7 days`,
});

export const UPGRADE_RULES: Partial<Record<MessagingTier, UpgradeRule>> = {
  TIER_250: { to: 'TIER_2K', users: 2_000, windowMs: 30 * DAY_MS, why: 'reached 2,000 unique users within 30 days' },
  TIER_1K: HALF_OF_LIMIT('TIER_1K', 'TIER_10K'),
  TIER_2K: HALF_OF_LIMIT('TIER_2K', 'TIER_10K'),
  TIER_10K: HALF_OF_LIMIT('TIER_10K', 'TIER_100K'),
  TIER_100K: HALF_OF_LIMIT('TIER_100K', 'TIER_UNLIMITED'),
};

/** The longest look-back of any rule: accounts without a conversation in it cannot qualify. */
export const LONGEST_UPGRADE_WINDOW_MS = Math.max(...Object.values(UPGRADE_RULES).map((r) => r!.windowMs));

export function isMessagingTier(value: unknown): value is MessagingTier {
  return typeof value === 'string' && (MESSAGING_TIERS as readonly string[]).includes(value);
}

/** UPGRADE or DOWNGRADE, as phone_number_quality_update names a messaging-limit change. */
export function tierChangeEvent(from: string, to: MessagingTier): 'UPGRADE' | 'DOWNGRADE' {
  return MESSAGING_TIERS.indexOf(to) > MESSAGING_TIERS.indexOf(from as MessagingTier) ? 'UPGRADE' : 'DOWNGRADE';
}
