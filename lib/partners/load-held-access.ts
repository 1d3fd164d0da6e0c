import type { Permission } from '@/lib/auth/permissions';
import { parsePermissions } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/partners/tx';

/** What someone holds: the ceiling of what they may give to others (or to a key). */
export type HeldAccess = {
  userId: string;
  roleId: string | null;
  permissions: ReadonlySet<Permission>;
  /** "All accounts", including accounts the partner adds later. */
  allAccounts: boolean;
  /** The accounts they can reach now (every partner account when allAccounts). */
  accountIds: ReadonlySet<string>;
};

const NOTHING = { roleId: null, permissions: new Set<Permission>(), allAccounts: false, accountIds: new Set<string>() };

/**
 * Loads a user's current permissions and accounts from the database, inside the caller's
 * transaction, so a check and the change it guards see the same state. A deactivated or unknown
 * user holds nothing (evenIfDeactivated: what reactivating them would give back).
 */
export async function loadHeldAccess(tx: Tx, partnerId: string, userId: string, opts: { evenIfDeactivated?: boolean } = {}): Promise<HeldAccess> {
  const user = await tx.user.findFirst({
    where: { id: userId, partnerId },
    select: { status: true, roleId: true, allAccounts: true, role: { select: { permissions: true } }, accountAccess: { select: { accountId: true } } },
  });
  if (!user || (user.status !== 'active' && !opts.evenIfDeactivated)) return { userId, ...NOTHING };
  return {
    userId,
    roleId: user.roleId,
    permissions: new Set(parsePermissions(user.role?.permissions)),
    allAccounts: user.allAccounts,
    accountIds: await effectiveAccountIds(
      tx,
      partnerId,
      user.allAccounts,
      user.accountAccess.map((a) => a.accountId),
    ),
  };
}

/** The accounts an access setting reaches today: "all accounts" means every account of the partner. */
export async function effectiveAccountIds(tx: Tx, partnerId: string, allAccounts: boolean, accountIds: string[]): Promise<Set<string>> {
  if (!allAccounts) return new Set(accountIds);
  const all = await tx.account.findMany({ where: { partnerId }, select: { id: true } });
  return new Set(all.map((a) => a.id));
}

/**
 * The actor's ceiling, or null for a system actor (no user: setup scripts and seeds), which is
 * trusted. Every console action has a user.
 */
export function loadActorAccess(tx: Tx, actor: { partnerId: string; userId?: string | null }): Promise<HeldAccess | null> {
  return actor.userId ? loadHeldAccess(tx, actor.partnerId, actor.userId) : Promise.resolve(null);
}
