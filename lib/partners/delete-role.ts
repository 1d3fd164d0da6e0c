import type { Db } from '@/lib/db/client';
import { parsePermissions } from '@/lib/auth/permissions';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { ConflictError, ValidationError } from '@/lib/errors';
import { findRole } from '@/lib/partners/find-role';
import { ensureAdminsRemain, heldAdminPermissions } from '@/lib/partners/ensure-admins-remain';
import { loadActorAccess } from '@/lib/partners/load-held-access';
import { assertCanGrantPermissions } from '@/lib/partners/assert-can-grant';
import { deleteRoleInput, type DeleteRoleInput } from '@/lib/partners/role-input';

/**
 * Deletes a custom role. Built-in roles stay; a role someone holds is deleted only together with
 * moving its holders to another role (reassignToRoleId), so nobody is silently left without one.
 * Moving them is assigning a role: what the new role adds must be held by the actor, and their
 * sessions end (sessionVersion) as with any role change.
 */
export async function deleteRole(db: Db, actor: AuditActor, raw: DeleteRoleInput): Promise<{ id: string; reassigned: number }> {
  const input = parseWith(deleteRoleInput, raw);
  return db.$transaction(async (tx) => {
    const role = await findRole(tx, actor.partnerId, input.id);
    if (role.builtIn) throw new ConflictError(`“${role.name}” is a built-in role and cannot be deleted`);
    const holders = await tx.user.findMany({ where: { roleId: role.id }, select: { id: true, email: true } });
    let target: { id: string; name: string } | null = null;
    if (holders.length) {
      if (!input.reassignToRoleId) {
        throw new ConflictError(`${holders.length} user${holders.length === 1 ? ' holds' : 's hold'} “${role.name}”. Move them to another role first.`);
      }
      if (input.reassignToRoleId === role.id) {
        throw new ValidationError('Choose a different role for its users', [{ path: 'reassignToRoleId', message: 'Choose a different role' }]);
      }
      const next = await findRole(tx, actor.partnerId, input.reassignToRoleId);
      const had = new Set(parsePermissions(role.permissions));
      assertCanGrantPermissions(
        await loadActorAccess(tx, actor),
        parsePermissions(next.permissions).filter((p) => !had.has(p)),
        {
          path: 'reassignToRoleId',
          self: holders.some((h) => h.id === actor.userId),
          roleName: next.name,
        },
      );
      target = next;
    }
    const adminBefore = await heldAdminPermissions(tx, actor.userId);
    if (target) await tx.user.updateMany({ where: { roleId: role.id }, data: { roleId: target.id, sessionVersion: { increment: 1 } } });
    await tx.role.delete({ where: { id: role.id } });
    await ensureAdminsRemain(tx, actor, adminBefore);
    await recordAuditEvent(tx, actor, {
      action: 'role.delete',
      entityType: 'role',
      entityId: role.id,
      summary: target ? `Deleted role “${role.name}” and moved ${holders.length} user(s) to “${target.name}”` : `Deleted role “${role.name}”`,
      changes: {
        before: { name: role.name, description: role.description, permissions: parsePermissions(role.permissions) },
        ...(target ? { reassigned: { toRoleId: target.id, toRoleName: target.name, users: holders.map((h) => h.email) } } : {}),
      },
    });
    return { id: role.id, reassigned: holders.length };
  });
}
