import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { loadPrincipal } from '@/lib/auth/principal';
import { PermissionError } from '@/lib/errors';
import type { Permission } from '@/lib/auth/permissions';
import type { AuditActor } from '@/lib/audit/record-audit-event';
import { createRole } from '@/lib/partners/create-role';
import { updateRole } from '@/lib/partners/update-role';
import { deleteRole } from '@/lib/partners/delete-role';
import { createUser } from '@/lib/partners/create-user';
import { updateUserAccess } from '@/lib/partners/update-user-access';
import { setUserStatus } from '@/lib/partners/set-user-status';
import { resetPassword } from '@/lib/partners/reset-password';
import { createCustomerAccount } from '@/lib/partners/create-customer-account';
import { createUserWithPermissions, seedDemoTenant } from '@/test/factories';

// Issue 12, item 3: nobody may grant a permission or an account they do not hold, nor widen their
// own role or access. Each case failed before the grant checks existed.
let admin: AuditActor;
const roles: Record<string, string> = {};

async function actorWith(permissions: Permission[], accounts: string[] = ['acme_corp']) {
  const user = await createUserWithPermissions(permissions, accounts);
  return { user, actor: { partnerId: 'demo_partner', userId: user.id, label: user.email } satisfies AuditActor };
}

async function refusal(p: Promise<unknown>): Promise<{ path: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PermissionError);
  expect((err as PermissionError).issues).toHaveLength(1);
  return (err as PermissionError).issues[0]!;
}

beforeAll(async () => {
  await seedDemoTenant();
  const u = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
  admin = { partnerId: 'demo_partner', userId: u.id, label: u.email };
  for (const r of await db.role.findMany({ where: { partnerId: 'demo_partner' } })) roles[r.name] = r.id;
  await createCustomerAccount(db, admin, { id: 'initech', name: 'Initech' });
});

describe('a user with only Manage Users', () => {
  it('cannot give themselves Partner Admin, nor all accounts, nor another account; nothing changes', async () => {
    const { user, actor } = await actorWith(['partners.users.manage']);
    const own = { userId: user.id, name: user.name };
    const role = await refusal(updateUserAccess(db, actor, { ...own, roleId: roles['Partner Admin']!, allAccounts: true }));
    expect(role.path).toBe('roleId');
    expect(role.message).toMatch(/your own access/);
    const all = await refusal(updateUserAccess(db, actor, { ...own, roleId: user.roleId!, allAccounts: true }));
    expect(all.path).toBe('accountIds');
    const other = await refusal(updateUserAccess(db, actor, { ...own, roleId: user.roleId!, accountIds: ['acme_corp', 'initech'] }));
    expect(other).toMatchObject({ path: 'accountIds', message: expect.stringMatching(/initech/) });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { accountAccess: true } });
    expect(after).toMatchObject({ roleId: user.roleId, allAccounts: false, sessionVersion: 0 });
    expect(after.accountAccess.map((a) => a.accountId)).toEqual(['acme_corp']);
    expect(await db.auditEvent.count({ where: { entityId: user.id } })).toBe(0);
  });

  it('cannot give another user a role or accounts beyond their own, at creation or later', async () => {
    const { actor } = await actorWith(['partners.users.manage', 'logs.view']);
    const base = { name: 'Target', setup: 'link' as const };
    expect((await refusal(createUser(db, actor, { ...base, email: 't1@example.com', roleId: roles['Partner Admin']! }))).path).toBe('roleId');
    expect((await refusal(createUser(db, actor, { ...base, email: 't2@example.com', roleId: roles['Support Analyst']! }))).message).toMatch(/View Reports/);
    const { id: logsOnly } = await createRole(db, admin, { name: 'Logs only', permissions: ['logs.view'] });
    expect((await refusal(createUser(db, actor, { ...base, email: 't3@example.com', roleId: logsOnly, allAccounts: true }))).path).toBe('accountIds');
    expect((await refusal(createUser(db, actor, { ...base, email: 't4@example.com', roleId: logsOnly, accountIds: ['initech'] }))).path).toBe('accountIds');
    expect(await db.user.count({ where: { email: { in: ['t1@example.com', 't2@example.com', 't3@example.com', 't4@example.com'] } } })).toBe(0);

    // Within their own reach it works, and a later widening of that user is refused the same way.
    const ok = await createUser(db, actor, { ...base, email: 't5@example.com', roleId: logsOnly, accountIds: ['acme_corp'] });
    const widen = await refusal(updateUserAccess(db, actor, { userId: ok.id, name: 'Target', roleId: roles['Partner Admin']!, accountIds: ['acme_corp'] }));
    expect(widen.message).toMatch(/“Partner Admin” includes/);
    expect((await refusal(updateUserAccess(db, actor, { userId: ok.id, name: 'Target', roleId: logsOnly, accountIds: ['initech'] }))).path).toBe('accountIds');
  });

  it('may narrow a user who holds more than they do, keeping what that user already had', async () => {
    const { actor } = await actorWith(['partners.users.manage'], ['acme_corp']);
    const target = await createUserWithPermissions(['logs.view', 'reports.view', 'templates.view'], ['acme_corp', 'initech']);
    // Support Analyst adds nothing the target lacked; keeping initech is not a grant.
    await updateUserAccess(db, actor, { userId: target.id, name: 'Narrowed', roleId: roles['Support Analyst']!, accountIds: ['initech'] });
    const p = await loadPrincipal(db, target.id, 1);
    expect([...p!.permissions].sort()).toEqual(['logs.view', 'reports.view']);
    expect(p!.accounts.map((a) => a.id)).toEqual(['initech']);
  });

  it('cannot reset the password of, or reactivate, someone who holds more', async () => {
    const { actor } = await actorWith(['partners.users.manage', 'dashboard.view']);
    const strong = await createUserWithPermissions(['partners.users.manage', 'partners.roles.manage']);
    await expect(resetPassword(db, actor, { userId: strong.id, setup: 'link' })).rejects.toBeInstanceOf(PermissionError);
    await expect(resetPassword(db, actor, { userId: strong.id, setup: 'password', password: 'i-now-know-this-one' })).rejects.toBeInstanceOf(PermissionError);
    expect(await db.passwordLink.count({ where: { userId: strong.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: strong.id } })).sessionVersion).toBe(0);

    await setUserStatus(db, admin, { userId: strong.id, status: 'deactivated' });
    await expect(setUserStatus(db, actor, { userId: strong.id, status: 'active' })).rejects.toBeInstanceOf(PermissionError);
    expect((await db.user.findUniqueOrThrow({ where: { id: strong.id } })).status).toBe('deactivated');

    // Someone holding no more than the actor is fine.
    const weak = await createUserWithPermissions(['dashboard.view']);
    await resetPassword(db, actor, { userId: weak.id, setup: 'link' });
    await setUserStatus(db, actor, { userId: weak.id, status: 'deactivated' });
    await setUserStatus(db, actor, { userId: weak.id, status: 'active' });
  });
});

describe('a user with only Manage Roles', () => {
  it('cannot add permissions to their own role', async () => {
    const { user, actor } = await actorWith(['partners.roles.manage']);
    const own = await db.role.findUniqueOrThrow({ where: { id: user.roleId! } });
    const issue = await refusal(updateRole(db, actor, { id: own.id, name: own.name, permissions: ['partners.roles.manage', 'partners.users.manage'] }));
    expect(issue).toMatchObject({ path: 'permissions', message: expect.stringMatching(/your own access.*Manage Users/) });
    expect((await db.role.findUniqueOrThrow({ where: { id: own.id } })).permissions).toEqual(['partners.roles.manage']);
    expect(await db.auditEvent.count({ where: { entityId: own.id } })).toBe(0);
  });

  it('cannot create or widen a role with permissions they do not hold, but may with ones they do', async () => {
    const { actor } = await actorWith(['partners.roles.manage', 'logs.view']);
    expect((await refusal(createRole(db, actor, { name: 'Sneaky', permissions: ['logs.view', 'settings.apikeys.manage'] }))).path).toBe('permissions');
    expect(await db.role.count({ where: { name: 'Sneaky' } })).toBe(0);
    const { id } = await createRole(db, actor, { name: 'Readers', permissions: ['logs.view'] });
    await refusal(updateRole(db, actor, { id, name: 'Readers', permissions: ['logs.view', 'templates.write'] }));
    await refusal(
      updateRole(db, actor, { id: roles['Sales Viewer']!, name: 'Sales Viewer', permissions: ['dashboard.view', 'reports.view', 'partners.users.manage'] }),
    );
    // Renaming a role that holds permissions the actor lacks, or removing some, grants nothing.
    await updateRole(db, actor, {
      id: roles['Sales Viewer']!,
      name: 'Sales Viewer',
      description: 'Renamed by a role manager',
      permissions: ['dashboard.view', 'reports.view'],
    });
    await updateRole(db, actor, { id: roles['Sales Viewer']!, name: 'Sales Viewer', permissions: ['reports.view', 'logs.view'] });
  });

  it('cannot move a role’s holders to a stronger role when deleting it', async () => {
    const { actor } = await actorWith(['partners.roles.manage']);
    const holder = await createUserWithPermissions(['dashboard.view']);
    const issue = await refusal(deleteRole(db, actor, { id: holder.roleId!, reassignToRoleId: roles['Partner Admin']! }));
    expect(issue.path).toBe('reassignToRoleId');
    expect((await db.user.findUniqueOrThrow({ where: { id: holder.id } })).roleId).toBe(holder.roleId);
  });
});

describe('sessions after an access change', () => {
  it('a changed role or account list ends the user’s sessions; a rename alone does not', async () => {
    const user = await createUserWithPermissions(['dashboard.view']);
    await updateUserAccess(db, admin, { userId: user.id, name: 'Only renamed', roleId: user.roleId!, accountIds: ['acme_corp'] });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);
    await updateUserAccess(db, admin, { userId: user.id, name: 'Only renamed', roleId: user.roleId!, accountIds: ['acme_corp', 'initech'] });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    await updateUserAccess(db, admin, { userId: user.id, name: 'Only renamed', roleId: roles['Sales Viewer']!, accountIds: ['acme_corp', 'initech'] });
    expect(await loadPrincipal(db, user.id, 1)).toBeNull();
    expect(await loadPrincipal(db, user.id, 2)).not.toBeNull();
  });

  it('moving a deleted role’s holders to another role ends their sessions', async () => {
    const holder = await createUserWithPermissions(['reports.view']);
    await deleteRole(db, admin, { id: holder.roleId!, reassignToRoleId: roles['Support Analyst']! });
    expect(await db.user.findUniqueOrThrow({ where: { id: holder.id } })).toMatchObject({ roleId: roles['Support Analyst'], sessionVersion: 1 });
  });
});
