import type { Db } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { ValidationError } from '@/lib/errors';
import { findUser } from '@/lib/partners/find-user';
import { createPasswordLink, passwordLinkPath } from '@/lib/partners/create-password-link';
import { loadActorAccess, loadHeldAccess } from '@/lib/partners/load-held-access';
import { assertDoesNotOutrank } from '@/lib/partners/assert-can-grant';
import { resetPasswordInput, type ResetPasswordInput } from '@/lib/partners/user-input';

/**
 * An admin resets someone's password: either to one they type now, or by voiding the old one and
 * giving them a one-time link. Either way their open sessions end (sessionVersion is bumped) and a
 * lockout from failed attempts is lifted. Whoever resets learns a way in (the password or the link),
 * so they must hold everything the user holds: otherwise resetting would be a way to widen their own access.
 */
export async function resetPassword(
  db: Db,
  actor: AuditActor,
  raw: ResetPasswordInput,
): Promise<{ id: string; link: { path: string; expiresAt: Date } | null }> {
  const input = parseWith(resetPasswordInput, raw);
  const passwordHash = input.setup === 'password' ? await hashPassword(input.password!) : null;
  return db.$transaction(async (tx) => {
    const user = await findUser(tx, actor.partnerId, input.userId);
    if (user.status !== 'active') {
      throw new ValidationError('Reactivate the user before resetting their password', [{ path: 'userId', message: 'The user is deactivated' }]);
    }
    if (user.id !== actor.userId) {
      const target = await loadHeldAccess(tx, actor.partnerId, user.id);
      assertDoesNotOutrank(
        await loadActorAccess(tx, actor),
        target,
        `You cannot reset the password of ${user.email}: they hold permissions or accounts you do not hold.`,
      );
    }
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    const link =
      input.setup === 'link'
        ? await createPasswordLink(tx, { partnerId: actor.partnerId, userId: user.id, purpose: 'reset', createdById: actor.userId })
        : await tx.passwordLink.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } }).then(() => null);
    await recordAuditEvent(tx, actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: user.id,
      summary: `Reset the password of ${user.email} (${input.setup === 'link' ? 'one-time link' : 'new password set by an admin'})`,
      changes: { after: { credential: input.setup, sessionsEnded: true } },
    });
    return { id: user.id, link: link ? { path: passwordLinkPath(link.token), expiresAt: link.expiresAt } : null };
  });
}
