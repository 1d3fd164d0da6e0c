import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { findRole } from '@/lib/partners/find-role';
import { findUser } from '@/lib/partners/find-user';
import { resolveAccountAccess } from '@/lib/partners/resolve-account-access';
import { ensureAdminsRemain, heldAdminPermissions } from '@/lib/partners/ensure-admins-remain';
import { updateUserAccessInput, type UpdateUserAccessInput } from '@/lib/partners/user-input';

/** Assigns a user's role and customer accounts; it applies on their next request (permissions load per request). */
export async function updateUserAccess(db: Db, actor: AuditActor, raw: UpdateUserAccessInput): Promise<{ id: string }> {
  const input = parseWith(updateUserAccessInput, raw);
  return db.$transaction(async (tx) => {
    const user = await findUser(tx, actor.partnerId, input.userId);
    const role = await findRole(tx, actor.partnerId, input.roleId);
    const accountIds = await resolveAccountAccess(tx, actor.partnerId, input.allAccounts, input.accountIds);
    const adminBefore = await heldAdminPermissions(tx, actor.userId);
    const before = {
      name: user.name,
      role: user.role?.name ?? null,
      allAccounts: user.allAccounts,
      accountIds: user.accountAccess.map((a) => a.accountId).sort(),
    };
    const after = { name: input.name, role: role.name, allAccounts: input.allAccounts, accountIds };
    await tx.userAccountAccess.deleteMany({ where: { userId: user.id } });
    await tx.user.update({
      where: { id: user.id },
      data: { name: input.name, roleId: role.id, allAccounts: input.allAccounts, accountAccess: { create: accountIds.map((accountId) => ({ accountId })) } },
    });
    await ensureAdminsRemain(tx, actor, adminBefore);
    await recordAuditEvent(tx, actor, {
      action: 'user.update_access',
      entityType: 'user',
      entityId: user.id,
      summary: `Updated access of ${user.email}`,
      changes: { before, after },
    });
    return { id: user.id };
  });
}
