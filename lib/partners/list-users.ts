import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { displayStatus, type UserProfile } from '@/lib/partners/get-user-profile';
import type { ListUsersFilter } from '@/lib/partners/user-input';

export type UserRow = {
  id: string;
  email: string;
  name: string;
  status: UserProfile['status'];
  roleId: string | null;
  roleName: string | null;
  allAccounts: boolean;
  accountCount: number;
  lastLoginAt: Date | null;
  createdAt: Date;
};

const INVITED: Prisma.UserWhereInput = { status: 'active', passwordHash: null, lastLoginAt: null };

/** The partner's users, filtered by a search on name/email, a role and a status. */
export async function listUsers(db: Db, partnerId: string, filter: ListUsersFilter = {}): Promise<UserRow[]> {
  const and: Prisma.UserWhereInput[] = [{ partnerId }];
  if (filter.q) and.push({ OR: [{ email: { contains: filter.q.toLowerCase() } }, { name: { contains: filter.q } }] });
  if (filter.roleId) and.push({ roleId: filter.roleId });
  if (filter.status === 'deactivated') and.push({ status: 'deactivated' });
  if (filter.status === 'invited') and.push(INVITED);
  if (filter.status === 'active') and.push({ status: 'active', NOT: INVITED });
  const users = await db.user.findMany({
    where: { AND: and },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    include: { role: { select: { name: true } }, _count: { select: { accountAccess: true } } },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    status: displayStatus(u),
    roleId: u.roleId,
    roleName: u.role?.name ?? null,
    allAccounts: u.allAccounts,
    accountCount: u._count.accountAccess,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  }));
}
