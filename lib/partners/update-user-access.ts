import type { Db } from '@/lib/db/client';
import { parsePermissions } from '@/lib/auth/permissions';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { findRole } from '@/lib/partners/find-role';
import { findUser } from '@/lib/partners/find-user';
import { resolveAccountAccess } from '@/lib/partners/resolve-account-access';
import { ensureAdminsRemain, heldAdminPermissions } from '@/lib/partners/ensure-admins-remain';
import { effectiveAccountIds, loadActorAccess } from '@/lib/partners/load-held-access';
import { assertCanGrantAccounts, assertCanGrantPermissions } from '@/lib/partners/assert-can-grant';
import { updateUserAccessInput, type UpdateUserAccessInput } from '@/lib/partners/user-input';

/**
 * Assigns a user's role and customer accounts; it applies on their next request (permissions load
 * per request). What the change adds must be within what the actor holds, so nobody widens their own
 * access. A changed role or account list also bumps sessionVersion, ending the user's open sessions.
 */
export async function updateUserAccess(db: Db, actor: AuditActor, raw: UpdateUserAccessInput): Promise<{ id: string }> {
  const input = parseWith(updateUserAccessInput, raw);
  return db.$transaction(async (tx) => {
    const user = await findUser(tx, actor.partnerId, input.userId);
    const role = await findRole(tx, actor.partnerId, input.roleId);
    const accountIds = await resolveAccountAccess(tx, actor.partnerId, input.allAccounts, input.accountIds);
    const before = {
      name: user.name,
      role: user.role?.name ?? null,
      allAccounts: user.allAccounts,
      accountIds: user.accountAccess.map((a) => a.accountId).sort(),
    };
    const after = { name: input.name, role: role.name, allAccounts: input.allAccounts, accountIds };

    const held = await loadActorAccess(tx, actor);
    const self = user.id === actor.userId;
    const oldRole = user.roleId ? await tx.role.findUnique({ where: { id: user.roleId }, select: { permissions: true } }) : null;
    const hadPermissions = new Set(parsePermissions(oldRole?.permissions));
    const gained = parsePermissions(role.permissions).filter((p) => !hadPermissions.has(p));
    assertCanGrantPermissions(held, gained, { path: 'roleId', self, roleName: role.name });
    const reached = await effectiveAccountIds(tx, actor.partnerId, user.allAccounts, before.accountIds);
    assertCanGrantAccounts(held, { allAccounts: user.allAccounts, accountIds: reached }, after, { self });

    const accessChanged = user.roleId !== role.id || before.allAccounts !== after.allAccounts || before.accountIds.join(',') !== after.accountIds.join(',');
    const adminBefore = await heldAdminPermissions(tx, actor.userId);
    await tx.userAccountAccess.deleteMany({ where: { userId: user.id } });
    await tx.user.update({
      where: { id: user.id },
      data: {
        name: input.name,
        roleId: role.id,
        allAccounts: input.allAccounts,
        accountAccess: { create: accountIds.map((accountId) => ({ accountId })) },
        ...(accessChanged ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    await ensureAdminsRemain(tx, actor, adminBefore);
    await recordAuditEvent(tx, actor, {
      action: 'user.update_access',
      entityType: 'user',
      entityId: user.id,
      summary: `Updated access of ${user.email}`,
      changes: { before, after, ...(accessChanged ? { sessionsEnded: true } : {}) },
    });
    return { id: user.id };
  });
}
