import { NotFoundError, ValidationError } from '@/lib/errors';
import type { Tx } from '@/lib/partners/tx';

/** A role of this partner; another partner's role is reported as missing. */
export async function findRole(tx: Tx, partnerId: string, roleId: string) {
  const role = await tx.role.findFirst({ where: { id: roleId, partnerId } });
  if (!role) throw new NotFoundError('Role not found');
  return role;
}

/** Role names are unique per partner, whatever their case. */
export async function assertRoleNameFree(tx: Tx, partnerId: string, name: string, exceptId?: string): Promise<void> {
  const roles = await tx.role.findMany({ where: { partnerId }, select: { id: true, name: true } });
  const taken = roles.some((r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase());
  if (taken) {
    throw new ValidationError(`A role named “${name}” already exists`, [{ path: 'name', message: `A role named “${name}” already exists` }]);
  }
}
