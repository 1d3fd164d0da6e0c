import crypto from 'node:crypto';
import type { Tx } from '@/lib/partners/tx';

export type PasswordLinkPurpose = 'invite' | 'reset';

const LIFETIME_HOURS: Record<PasswordLinkPurpose, number> = { invite: 7 * 24, reset: 24 };

export function hashLinkToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/**
 * Makes a one-time link for a user to set their password and voids their earlier unused links.
 * Returns the token (192 random bits), which is stored only as a hash: the admin sees it once.
 */
export async function createPasswordLink(
  tx: Tx,
  args: { partnerId: string; userId: string; purpose: PasswordLinkPurpose; createdById?: string | null; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = args.now ?? new Date();
  await tx.passwordLink.updateMany({ where: { userId: args.userId, usedAt: null }, data: { usedAt: now } });
  const token = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + LIFETIME_HOURS[args.purpose] * 3600_000);
  await tx.passwordLink.create({
    data: {
      partnerId: args.partnerId,
      userId: args.userId,
      purpose: args.purpose,
      tokenHash: hashLinkToken(token),
      createdById: args.createdById ?? null,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

/** The path of the public page where the link is redeemed. */
export function passwordLinkPath(token: string): string {
  return `/invite/${token}`;
}
