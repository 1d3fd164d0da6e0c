import type { Db } from '@/lib/db/client';
import { findUser } from '@/lib/partners/find-user';

export type UserProfile = {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'invited' | 'deactivated';
  roleId: string | null;
  roleName: string | null;
  allAccounts: boolean;
  accountIds: string[];
  lastLoginAt: Date | null;
  createdAt: Date;
};

/** Whether someone is still to set their first password through an invitation. */
export function displayStatus(user: { status: string; passwordHash: string | null; lastLoginAt: Date | null }): UserProfile['status'] {
  if (user.status !== 'active') return 'deactivated';
  return user.passwordHash === null && user.lastLoginAt === null ? 'invited' : 'active';
}

export async function getUserProfile(db: Db, partnerId: string, userId: string): Promise<UserProfile> {
  const u = await findUser(db, partnerId, userId);
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    status: displayStatus(u),
    roleId: u.roleId,
    roleName: u.role?.name ?? null,
    allAccounts: u.allAccounts,
    accountIds: u.accountAccess.map((a) => a.accountId).sort(),
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}
