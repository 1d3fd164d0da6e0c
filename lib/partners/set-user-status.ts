import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { ValidationError } from '@/lib/errors';
import { findUser } from '@/lib/partners/find-user';
import { ensureAdminsRemain, heldAdminPermissions } from '@/lib/partners/ensure-admins-remain';
import { loadActorAccess, loadHeldAccess } from '@/lib/partners/load-held-access';
import { assertDoesNotOutrank } from '@/lib/partners/assert-can-grant';
import { setUserStatusInput, type SetUserStatusInput } from '@/lib/partners/user-input';

/**
 * Deactivates or reactivates a user. Deactivation bumps sessionVersion, so their open sessions end on
 * the next request; the last active Partner Admin cannot be deactivated. Reactivating gives the
 * user's access back, so only someone holding all of it may do so.
 */
export async function setUserStatus(db: Db, actor: AuditActor, raw: SetUserStatusInput): Promise<{ id: string; status: string }> {
  const input = parseWith(setUserStatusInput, raw);
  return db.$transaction(async (tx) => {
    const user = await findUser(tx, actor.partnerId, input.userId);
    if (user.status === input.status) return { id: user.id, status: user.status };
    if (input.status === 'deactivated' && user.id === actor.userId) {
      throw new ValidationError('You cannot deactivate yourself', [{ path: 'status', message: 'You cannot deactivate yourself' }]);
    }
    if (input.status === 'active') {
      const target = await loadHeldAccess(tx, actor.partnerId, user.id, { evenIfDeactivated: true });
      assertDoesNotOutrank(await loadActorAccess(tx, actor), target, `You cannot reactivate ${user.email}: they hold permissions or accounts you do not hold.`);
    }
    const adminBefore = await heldAdminPermissions(tx, actor.userId);
    await tx.user.update({
      where: { id: user.id },
      data: input.status === 'deactivated' ? { status: 'deactivated', sessionVersion: { increment: 1 } } : { status: 'active' },
    });
    if (input.status === 'deactivated') {
      // Unused invitation or reset links die with the user's access.
      await tx.passwordLink.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    }
    await ensureAdminsRemain(tx, actor, adminBefore);
    await recordAuditEvent(tx, actor, {
      action: input.status === 'deactivated' ? 'user.deactivate' : 'user.reactivate',
      entityType: 'user',
      entityId: user.id,
      summary: `${input.status === 'deactivated' ? 'Deactivated' : 'Reactivated'} ${user.email}`,
      changes: { before: { status: user.status }, after: { status: input.status } },
    });
    return { id: user.id, status: input.status };
  });
}
