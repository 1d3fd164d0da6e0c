import type { Db } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { ValidationError } from '@/lib/errors';
import { findPasswordLink } from '@/lib/partners/find-password-link';
import { redeemPasswordLinkInput, type RedeemPasswordLinkInput } from '@/lib/partners/user-input';

const EXPIRED = 'This link has expired or was already used. Ask your partner admin for a new one.';

/** Sets a password through a one-time link. The link is spent in the same transaction, so it works once. */
export async function redeemPasswordLink(db: Db, raw: RedeemPasswordLinkInput): Promise<{ email: string }> {
  const input = parseWith(redeemPasswordLinkInput, raw);
  if (!(await findPasswordLink(db, input.token))) throw new ValidationError(EXPIRED, [{ path: 'token', message: EXPIRED }]);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // Checked again inside the transaction: two tabs submitting the same link must not both succeed.
    const link = await findPasswordLink(tx, input.token);
    if (!link) throw new ValidationError(EXPIRED, [{ path: 'token', message: EXPIRED }]);
    const spent = await tx.passwordLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: new Date() } });
    if (spent.count !== 1) throw new ValidationError(EXPIRED, [{ path: 'token', message: EXPIRED }]);
    await tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await recordAuditEvent(
      tx,
      { partnerId: link.partnerId, userId: link.userId, label: link.email },
      {
        action: 'user.set_password',
        entityType: 'user',
        entityId: link.userId,
        summary: `${link.email} set their password with a one-time ${link.purpose === 'invite' ? 'invitation' : 'reset'} link`,
        changes: { after: { credential: 'password', via: link.purpose } },
      },
    );
    return { email: link.email };
  });
}
