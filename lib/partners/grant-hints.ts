import type { Permission } from '@/lib/auth/permissions';
import { permissionsNotHeld } from '@/lib/partners/assert-can-grant';
import type { HeldAccess } from '@/lib/partners/load-held-access';

// What the user forms mark as beyond the admin, from the same rule the server applies
// (assert-can-grant.ts): hints only, the server decides. What the user already has is never a grant.

/** The roles of a role select, each marked when assigning it would grant permissions the admin lacks. */
export function roleOptions(roles: { id: string; name: string; permissions: Permission[] }[], held: HeldAccess, currentRoleId?: string | null) {
  return roles.map((r) => ({ id: r.id, name: r.name, beyond: r.id !== currentRoleId && permissionsNotHeld(held, r.permissions).length > 0 }));
}

/** The accounts (and "all accounts") the admin may give: what they hold plus what the user already has. */
export function grantableAccounts(held: HeldAccess, partnerAccountIds: string[], current?: { allAccounts: boolean; accountIds: string[] }) {
  const already = current ? (current.allAccounts ? partnerAccountIds : current.accountIds) : [];
  return { allAccounts: held.allAccounts || !!current?.allAccounts, accountIds: [...new Set([...held.accountIds, ...already])] };
}
