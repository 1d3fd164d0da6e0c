import type { Db } from '@/lib/db/client';
import { parsePermissions, type Permission } from '@/lib/auth/permissions';

// Who is acting, loaded fresh from the database on every request so that a changed role,
// account list or deactivation applies at once, not at the next sign-in.
export type Principal = {
  userId: string;
  email: string;
  name: string;
  partnerId: string;
  roleName: string | null;
  permissions: ReadonlySet<Permission>;
  /** Accounts this user may see, in display order. */
  accounts: { id: string; name: string }[];
};

export async function loadPrincipal(db: Db, userId: string, sessionVersion?: number): Promise<Principal | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { role: true, accountAccess: { select: { accountId: true } } },
  });
  if (!user || user.status !== 'active') return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  const accounts = await db.account.findMany({
    where: user.allAccounts ? { partnerId: user.partnerId } : { partnerId: user.partnerId, id: { in: user.accountAccess.map((a) => a.accountId) } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    partnerId: user.partnerId,
    roleName: user.role?.name ?? null,
    permissions: new Set(parsePermissions(user.role?.permissions)),
    accounts,
  };
}

export function can(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

export function canAccessAccount(principal: Principal, accountId: string): boolean {
  return principal.accounts.some((a) => a.id === accountId);
}
