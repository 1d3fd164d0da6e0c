import type { Db } from '@/lib/db/client';
import type { AuditActor } from '@/lib/audit/record-audit-event';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { assertRoleNameFree } from '@/lib/partners/find-role';
import { loadActorAccess } from '@/lib/partners/load-held-access';
import { assertCanGrantPermissions } from '@/lib/partners/assert-can-grant';
import { createRoleInput, type CreateRoleInput } from '@/lib/partners/role-input';

/** Adds a custom role; it may hold only permissions its creator holds. */
export async function createRole(db: Db, actor: AuditActor, raw: CreateRoleInput): Promise<{ id: string }> {
  const input = parseWith(createRoleInput, raw);
  return db.$transaction(async (tx) => {
    await assertRoleNameFree(tx, actor.partnerId, input.name);
    assertCanGrantPermissions(await loadActorAccess(tx, actor), input.permissions, { path: 'permissions' });
    const role = await tx.role.create({
      data: { partnerId: actor.partnerId, name: input.name, description: input.description, permissions: input.permissions },
    });
    await recordAuditEvent(tx, actor, {
      action: 'role.create',
      entityType: 'role',
      entityId: role.id,
      summary: `Created role “${input.name}”`,
      changes: { after: { name: input.name, description: input.description, permissions: input.permissions } },
    });
    return { id: role.id };
  });
}
