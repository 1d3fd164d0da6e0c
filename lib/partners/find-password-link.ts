import type { Db } from '@/lib/db/client';
import { hashLinkToken, type PasswordLinkPurpose } from '@/lib/partners/create-password-link';
import type { Tx } from '@/lib/partners/tx';

export type UsablePasswordLink = { id: string; userId: string; partnerId: string; purpose: PasswordLinkPurpose; email: string; name: string };

/** The link behind a token if it can still be used: not used, not expired, its user active. */
export async function findPasswordLink(db: Db | Tx, token: string, now = new Date()): Promise<UsablePasswordLink | null> {
  if (!token || token.length > 200) return null;
  const link = await db.passwordLink.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!link || link.usedAt || link.expiresAt <= now) return null;
  const user = await db.user.findFirst({ where: { id: link.userId, partnerId: link.partnerId }, select: { email: true, name: true, status: true } });
  if (!user || user.status !== 'active') return null;
  return { id: link.id, userId: link.userId, partnerId: link.partnerId, purpose: link.purpose as PasswordLinkPurpose, email: user.email, name: user.name };
}
