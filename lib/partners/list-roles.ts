import type { Db } from '@/lib/db/client';
import { parsePermissions, type Permission } from '@/lib/auth/permissions';

export type RoleSummary = {
  id: string;
  name: string;
  description: string;
  permissions: Permission[];
  builtIn: boolean;
  userCount: number;
  updatedAt: Date;
};

/** The partner's roles, built-in first, each with how many users hold it. */
export async function listRoles(db: Db, partnerId: string): Promise<RoleSummary[]> {
  const roles = await db.role.findMany({
    where: { partnerId },
    orderBy: [{ builtIn: 'desc' }, { name: 'asc' }],
    include: { _count: { select: { users: true } } },
  });
  return roles.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    permissions: parsePermissions(r.permissions),
    builtIn: r.builtIn,
    userCount: r._count.users,
    updatedAt: r.updatedAt,
  }));
}
