import type { Db } from '@/lib/db/client';
import { parsePermissions } from '@/lib/auth/permissions';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { assertRoleNameFree, findRole } from '@/lib/partners/find-role';
import { ensureAdminsRemain, heldAdminPermissions } from '@/lib/partners/ensure-admins-remain';
import { loadActorAccess } from '@/lib/partners/load-held-access';
import { assertCanGrantPermissions } from '@/lib/partners/assert-can-grant';
import { updateRoleInput, type UpdateRoleInput } from '@/lib/partners/role-input';

/**
 * Changes a role's name, description or permissions; its holders get the new permissions on their
 * next request (permissions load per request). Added permissions must be held by the actor, which
 * also means nobody can add to the role they hold themselves.
 */
export async function updateRole(db: Db, actor: AuditActor, raw: UpdateRoleInput): Promise<{ id: string }> {
  const input = parseWith(updateRoleInput, raw);
  return db.$transaction(async (tx) => {
    const role = await findRole(tx, actor.partnerId, input.id);
    await assertRoleNameFree(tx, actor.partnerId, input.name, role.id);
    const adminBefore = await heldAdminPermissions(tx, actor.userId);
    const before = { name: role.name, description: role.description, permissions: parsePermissions(role.permissions) };
    const held = await loadActorAccess(tx, actor);
    const added = input.permissions.filter((p) => !before.permissions.includes(p));
    assertCanGrantPermissions(held, added, { path: 'permissions', self: held?.roleId === role.id });
    const after = { name: input.name, description: input.description, permissions: input.permissions };
    await tx.role.update({ where: { id: role.id }, data: after });
    await ensureAdminsRemain(tx, actor, adminBefore);
    await recordAuditEvent(tx, actor, {
      action: 'role.update',
      entityType: 'role',
      entityId: role.id,
      summary: `Updated role “${input.name}”`,
      changes: { before, after },
    });
    return { id: role.id };
  });
}
