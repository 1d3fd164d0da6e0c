import { ADMIN_PERMISSIONS, parsePermissions, permissionLabel, type Permission } from '@/lib/auth/permissions';
import { ConflictError, ValidationError } from '@/lib/errors';
import type { Tx } from '@/lib/partners/tx';

/** The admin permissions an active user holds through their role (none when deactivated). */
export async function heldAdminPermissions(tx: Tx, userId: string | null | undefined): Promise<Permission[]> {
  if (!userId) return [];
  const user = await tx.user.findUnique({ where: { id: userId }, select: { status: true, role: { select: { permissions: true } } } });
  if (!user || user.status !== 'active') return [];
  const held = new Set(parsePermissions(user.role?.permissions));
  return ADMIN_PERMISSIONS.filter((p) => held.has(p));
}

/**
 * Runs after a change is applied, inside its transaction: throwing rolls the change back.
 * - the person making the change must keep every admin permission they had (nobody locks themselves out);
 * - the partner must keep at least one active Partner Admin (a user holding all ADMIN_PERMISSIONS).
 */
export async function ensureAdminsRemain(tx: Tx, actor: { partnerId: string; userId?: string | null }, actorAdminBefore: Permission[]): Promise<void> {
  if (actor.userId && actorAdminBefore.length) {
    const after = new Set(await heldAdminPermissions(tx, actor.userId));
    const lost = actorAdminBefore.filter((p) => !after.has(p));
    if (lost.length) {
      const names = lost.map((p) => `“${permissionLabel(p)}”`).join(' and ');
      throw new ValidationError(`You cannot remove ${names} from yourself: you would lose access to team management. Ask another Partner Admin to do it.`, [
        { path: 'permissions', message: `You cannot remove ${names} from your own access` },
      ]);
    }
  }
  const users = await tx.user.findMany({
    where: { partnerId: actor.partnerId, status: 'active', roleId: { not: null } },
    select: { role: { select: { permissions: true } } },
  });
  const admins = users.filter((u) => {
    const held = new Set(parsePermissions(u.role?.permissions));
    return ADMIN_PERMISSIONS.every((p) => held.has(p));
  });
  if (admins.length === 0) {
    throw new ConflictError('This would leave no active Partner Admin (a user who can manage roles and users). Make someone else a Partner Admin first.');
  }
}
