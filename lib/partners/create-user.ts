import type { Db } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { ValidationError } from '@/lib/errors';
import { findRole } from '@/lib/partners/find-role';
import { resolveAccountAccess } from '@/lib/partners/resolve-account-access';
import { createPasswordLink, passwordLinkPath } from '@/lib/partners/create-password-link';
import { loadActorAccess } from '@/lib/partners/load-held-access';
import { assertCanGrantAccounts, assertCanGrantPermissions } from '@/lib/partners/assert-can-grant';
import { parsePermissions } from '@/lib/auth/permissions';
import { createUserInput, type CreateUserInput } from '@/lib/partners/user-input';

export type CreatedUser = { id: string; email: string; link: { path: string; expiresAt: Date } | null };

/**
 * Adds a team member with a role and account access, with an initial password or a one-time link to
 * set one. The role and the accounts must be within what the actor holds.
 */
export async function createUser(db: Db, actor: AuditActor, raw: CreateUserInput): Promise<CreatedUser> {
  const input = parseWith(createUserInput, raw);
  // Hash outside the transaction: argon2 takes a while and SQLite holds the write lock meanwhile.
  const passwordHash = input.setup === 'password' ? await hashPassword(input.password!) : null;
  return db.$transaction(async (tx) => {
    const role = await findRole(tx, actor.partnerId, input.roleId);
    const accountIds = await resolveAccountAccess(tx, actor.partnerId, input.allAccounts, input.accountIds);
    const held = await loadActorAccess(tx, actor);
    assertCanGrantPermissions(held, parsePermissions(role.permissions), { path: 'roleId', roleName: role.name });
    assertCanGrantAccounts(held, { allAccounts: false, accountIds: new Set() }, { allAccounts: input.allAccounts, accountIds });
    // Emails are unique across Parley because sign-in is by email alone.
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ValidationError('A user with this email already exists', [{ path: 'email', message: 'A user with this email already exists' }]);
    }
    const user = await tx.user.create({
      data: {
        partnerId: actor.partnerId,
        email: input.email,
        name: input.name,
        passwordHash,
        roleId: role.id,
        allAccounts: input.allAccounts,
        accountAccess: { create: accountIds.map((accountId) => ({ accountId })) },
      },
    });
    const link =
      input.setup === 'link'
        ? await createPasswordLink(tx, { partnerId: actor.partnerId, userId: user.id, purpose: 'invite', createdById: actor.userId })
        : null;
    await recordAuditEvent(tx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      summary: `${input.setup === 'link' ? 'Invited' : 'Created'} user ${input.email} as “${role.name}”`,
      changes: {
        after: { email: input.email, name: input.name, role: role.name, allAccounts: input.allAccounts, accountIds, credential: input.setup },
      },
    });
    return { id: user.id, email: user.email, link: link ? { path: passwordLinkPath(link.token), expiresAt: link.expiresAt } : null };
  });
}
