import { permissionLabel, type Permission } from '@/lib/auth/permissions';
import { PermissionError } from '@/lib/errors';
import type { HeldAccess } from '@/lib/partners/load-held-access';

// Nobody may hand out more than they hold: not to another user, not to a role, not to themselves.
// Only what a change adds is checked (what the target already had is not a grant), so an admin
// without some permission can still rename a role holding it or move a user to a narrower role.
// `held` is null for a system actor (setup scripts), which is trusted.

function names(keys: Permission[]): string {
  const labels = keys.map((k) => `“${permissionLabel(k)}”`);
  return labels.length > 3 ? `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more` : labels.join(labels.length === 2 ? ' and ' : ', ');
}

/** The permissions in `wanted` that `held` lacks, in the table's order. */
export function permissionsNotHeld(held: { permissions: ReadonlySet<Permission> }, wanted: Iterable<Permission>): Permission[] {
  return [...new Set(wanted)].filter((p) => !held.permissions.has(p));
}

/**
 * Refuses adding permissions the actor does not hold. `path` is the form field that asked for them
 * (`permissions` in the role editor, `roleId` when assigning a role); `self` words the message for
 * someone widening their own access.
 */
export function assertCanGrantPermissions(
  held: HeldAccess | null,
  added: Iterable<Permission>,
  opts: { path: string; self?: boolean; roleName?: string },
): void {
  if (!held) return;
  const missing = permissionsNotHeld(held, added);
  if (!missing.length) return;
  const what = opts.roleName ? `“${opts.roleName}” includes ${names(missing)}` : names(missing);
  const message = opts.self
    ? `You cannot widen your own access: ${what}, which you do not hold. Ask someone who holds ${missing.length === 1 ? 'it' : 'them'}.`
    : `You cannot grant ${opts.roleName ? `this role: ${what}, which you do not hold` : `${what}: you do not hold ${missing.length === 1 ? 'it' : 'them'} yourself`}.`;
  throw new PermissionError(message, [{ path: opts.path, message }]);
}

/**
 * Refuses giving accounts the actor cannot reach, or "all accounts" (which includes future ones)
 * when the actor does not have it. `before` is what the target reaches today (empty for a new user).
 */
export function assertCanGrantAccounts(
  held: HeldAccess | null,
  before: { allAccounts: boolean; accountIds: ReadonlySet<string> },
  after: { allAccounts: boolean; accountIds: string[] },
  opts: { self?: boolean } = {},
): void {
  if (!held) return;
  const refuse = (message: string) => {
    throw new PermissionError(message, [{ path: 'accountIds', message }]);
  };
  if (after.allAccounts && !before.allAccounts && !held.allAccounts) {
    refuse(
      opts.self ? 'You cannot give yourself access to all accounts.' : 'You cannot grant “All accounts”: you do not have access to all accounts yourself.',
    );
  }
  const added = after.allAccounts ? [] : after.accountIds.filter((id) => !before.accountIds.has(id) && !held.accountIds.has(id));
  if (added.length) {
    refuse(
      opts.self
        ? `You cannot add accounts to your own access (${added.join(', ')}).`
        : `You cannot grant access to ${added.join(', ')}: you do not have access to ${added.length === 1 ? 'it' : 'them'} yourself.`,
    );
  }
}

/**
 * Refuses acting for someone who holds more than the actor: resetting their password (the actor
 * would learn a way in) or reactivating them (which gives their access back).
 */
export function assertDoesNotOutrank(held: HeldAccess | null, target: HeldAccess, message: string): void {
  if (!held) return;
  const morePermissions = permissionsNotHeld(held, target.permissions).length > 0;
  const moreAccounts = (target.allAccounts && !held.allAccounts) || [...target.accountIds].some((id) => !held.accountIds.has(id));
  if (morePermissions || moreAccounts) throw new PermissionError(message);
}
