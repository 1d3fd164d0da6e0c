import { NotFoundError, PermissionError, UnauthorizedError } from '@/lib/errors';
import type { Permission } from '@/lib/auth/permissions';
import { can, canAccessAccount, type Principal } from '@/lib/auth/principal';

// The one server-side check. Every server action, page and route calls it (directly or through
// lib/auth/action.ts): a hidden button in the UI is never the check.
export function requirePermission(principal: Principal | null, permission: Permission, accountId?: string): Principal {
  if (!principal) throw new UnauthorizedError('Sign in to continue');
  if (!can(principal, permission)) throw new PermissionError(`You need the "${permission}" permission`);
  // Another tenant's account is reported as missing, never as forbidden: its existence is not ours to tell.
  if (accountId !== undefined && !canAccessAccount(principal, accountId)) throw new NotFoundError('Account not found');
  return principal;
}
