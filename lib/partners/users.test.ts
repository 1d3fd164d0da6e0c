import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { loadPrincipal } from '@/lib/auth/principal';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { ConflictError, ValidationError } from '@/lib/errors';
import type { AuditActor } from '@/lib/audit/record-audit-event';
import { createUser } from '@/lib/partners/create-user';
import { updateUserAccess } from '@/lib/partners/update-user-access';
import { setUserStatus } from '@/lib/partners/set-user-status';
import { resetPassword } from '@/lib/partners/reset-password';
import { listUsers } from '@/lib/partners/list-users';
import { getUserProfile } from '@/lib/partners/get-user-profile';
import { createCustomerAccount } from '@/lib/partners/create-customer-account';
import { createUserWithPermissions, seedDemoTenant, TEST_PASSWORD } from '@/test/factories';

let admin: AuditActor;
const roles: Record<string, string> = {};

beforeAll(async () => {
  await seedDemoTenant();
  const u = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
  admin = { partnerId: 'demo_partner', userId: u.id, label: u.email };
  for (const r of await db.role.findMany({ where: { partnerId: 'demo_partner' } })) roles[r.name] = r.id;
  await createCustomerAccount(db, admin, { id: 'initech', name: 'Initech' });
});

describe('users', () => {
  it('creates a user with an initial password, a role and two accounts; they can sign in and see exactly those', async () => {
    const res = await createUser(db, admin, {
      email: '  Pat@Example.com ',
      name: 'Pat Support',
      roleId: roles['Support Analyst']!,
      accountIds: ['acme_corp', 'initech'],
      setup: 'password',
      password: 'a-long-enough-password',
    });
    expect(res).toMatchObject({ email: 'pat@example.com', link: null });
    const signIn = await verifyCredentials(db, { email: 'pat@example.com', password: 'a-long-enough-password', clientAddress: 'test' });
    expect(signIn.ok).toBe(true);
    const p = await loadPrincipal(db, res.id, 0);
    expect(p!.accounts.map((a) => a.id)).toEqual(['acme_corp', 'initech']);
    expect([...p!.permissions].sort()).toEqual(['logs.view', 'reports.view']);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: res.id, action: 'user.create' } });
    expect(audit.changes).toMatchObject({ after: { email: 'pat@example.com', role: 'Support Analyst', accountIds: ['acme_corp', 'initech'] } });
    expect(JSON.stringify(audit.changes)).not.toContain('a-long-enough-password');
  });

  it('explains bad input beside the field: duplicate email, short password, missing name', async () => {
    const dup = await createUser(db, admin, { email: 'analyst@example.com', name: 'X', roleId: roles['Sales Viewer']!, setup: 'link' }).catch((e) => e);
    expect(dup).toBeInstanceOf(ValidationError);
    expect(dup.issues[0]).toEqual({ path: 'email', message: 'A user with this email already exists' });
    const short = await createUser(db, admin, {
      email: 'x@example.com',
      name: 'X',
      roleId: roles['Sales Viewer']!,
      setup: 'password',
      password: 'short',
    }).catch((e) => e);
    expect(short.issues).toEqual([{ path: 'password', message: 'Use at least 12 characters' }]);
    const noName = await createUser(db, admin, { email: 'not-an-email', name: ' ', roleId: roles['Sales Viewer']!, setup: 'link' }).catch((e) => e);
    expect(noName.issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'name']);
    expect(await db.user.count({ where: { email: 'x@example.com' } })).toBe(0);
  });

  it('assigns a role and accounts on the profile; it applies on the next request and is audited with before/after', async () => {
    const user = await createUserWithPermissions(['dashboard.view'], ['acme_corp']);
    await updateUserAccess(db, admin, { userId: user.id, name: user.name, roleId: roles['Support Analyst']!, allAccounts: false, accountIds: ['initech'] });
    expect(await loadPrincipal(db, user.id, 0)).toBeNull(); // a changed role or account list ends open sessions
    let p = await loadPrincipal(db, user.id, 1);
    expect(p!.roleName).toBe('Support Analyst');
    expect(p!.accounts.map((a) => a.id)).toEqual(['initech']);
    await updateUserAccess(db, admin, { userId: user.id, name: 'Renamed', roleId: roles['Support Analyst']!, allAccounts: true, accountIds: ['initech'] });
    p = await loadPrincipal(db, user.id, 2);
    expect(p!.accounts.map((a) => a.id)).toEqual(['acme_corp', 'initech']);
    expect(await db.userAccountAccess.count({ where: { userId: user.id } })).toBe(0);
    const audits = await db.auditEvent.findMany({ where: { entityId: user.id, action: 'user.update_access' }, orderBy: { createdAt: 'asc' } });
    expect(audits[0]!.changes).toMatchObject({ before: { accountIds: ['acme_corp'] }, after: { role: 'Support Analyst', accountIds: ['initech'] } });
    expect(audits[1]!.changes).toMatchObject({ after: { name: 'Renamed', allAccounts: true, accountIds: [] } });
  });

  it('deactivation ends existing sessions and refuses sign-in; reactivation lets them back', async () => {
    const user = await createUserWithPermissions(['dashboard.view']);
    expect(await loadPrincipal(db, user.id, 0)).not.toBeNull();
    await setUserStatus(db, admin, { userId: user.id, status: 'deactivated' });
    expect(await loadPrincipal(db, user.id, 0)).toBeNull();
    expect(await verifyCredentials(db, { email: user.email, password: TEST_PASSWORD, clientAddress: 'test' })).toEqual({ ok: false });
    await setUserStatus(db, admin, { userId: user.id, status: 'active' });
    const again = await verifyCredentials(db, { email: user.email, password: TEST_PASSWORD, clientAddress: 'test' });
    expect(again).toEqual({ ok: true, userId: user.id, sessionVersion: 1 });
    expect(await loadPrincipal(db, user.id, 0)).toBeNull(); // the old session stays ended
    expect(await loadPrincipal(db, user.id, 1)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: { in: ['user.deactivate', 'user.reactivate'] } } })).toBe(2);
  });

  it('the last active Partner Admin cannot be deactivated nor demoted; an admin cannot deactivate or demote themselves', async () => {
    const self = await setUserStatus(db, admin, { userId: admin.userId!, status: 'deactivated' }).catch((e) => e);
    expect(self).toBeInstanceOf(ValidationError);
    const demoteSelf = await updateUserAccess(db, admin, {
      userId: admin.userId!,
      name: 'Demo Admin',
      roleId: roles['Sales Viewer']!,
      allAccounts: true,
      accountIds: [],
    }).catch((e) => e);
    expect(demoteSelf).toBeInstanceOf(ValidationError);
    expect(demoteSelf.message).toMatch(/Manage Roles/);

    // A second admin acts: the demo admin is now the last one, so demoting or deactivating them is refused.
    const second = await createUserWithPermissions(['partners.users.manage']);
    const secondActor = { partnerId: 'demo_partner', userId: second.id, label: second.email };
    const deact = await setUserStatus(db, secondActor, { userId: admin.userId!, status: 'deactivated' }).catch((e) => e);
    expect(deact).toBeInstanceOf(ConflictError);
    expect(deact.message).toMatch(/no active Partner Admin/);
    const demote = await updateUserAccess(db, secondActor, {
      userId: admin.userId!,
      name: 'Demo Admin',
      roleId: roles['Sales Viewer']!,
      allAccounts: true,
      accountIds: [],
    }).catch((e) => e);
    expect(demote).toBeInstanceOf(ConflictError);
    const still = await db.user.findUniqueOrThrow({ where: { id: admin.userId! } });
    expect(still).toMatchObject({ status: 'active', roleId: roles['Partner Admin'], sessionVersion: 0 });

    // With another Partner Admin in place, the demo admin may be demoted by them.
    const other = await createUser(db, admin, {
      email: 'admin2@example.com',
      name: 'Admin Two',
      roleId: roles['Partner Admin']!,
      allAccounts: true,
      setup: 'password',
      password: 'another-long-password',
    });
    await updateUserAccess(db, secondActor, { userId: admin.userId!, name: 'Demo Admin', roleId: roles['Sales Viewer']!, allAccounts: true, accountIds: [] });
    await updateUserAccess(
      db,
      { partnerId: 'demo_partner', userId: other.id, label: 'admin2@example.com' },
      { userId: admin.userId!, name: 'Demo Admin', roleId: roles['Partner Admin']!, allAccounts: true, accountIds: [] },
    );
  });

  it('a password reset by an admin ends sessions and replaces the password', async () => {
    const user = await createUserWithPermissions(['dashboard.view']);
    await resetPassword(db, admin, { userId: user.id, setup: 'password', password: 'brand-new-password-1' });
    expect(await loadPrincipal(db, user.id, 0)).toBeNull();
    expect((await verifyCredentials(db, { email: user.email, password: TEST_PASSWORD, clientAddress: 'test' })).ok).toBe(false);
    expect(await verifyCredentials(db, { email: user.email, password: 'brand-new-password-1', clientAddress: 'test' })).toEqual({
      ok: true,
      userId: user.id,
      sessionVersion: 1,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'user.reset_password' } });
    expect(JSON.stringify(audit)).not.toContain('brand-new-password-1');
  });

  it('lists users with search, role and status filters', async () => {
    const invited = await createUser(db, admin, {
      email: 'newbie@example.com',
      name: 'Newbie Person',
      roleId: roles['Sales Viewer']!,
      accountIds: ['acme_corp'],
      setup: 'link',
    });
    const all = await listUsers(db, 'demo_partner');
    expect(all.find((u) => u.id === invited.id)).toMatchObject({ status: 'invited', roleName: 'Sales Viewer', accountCount: 1 });
    expect((await listUsers(db, 'demo_partner', { q: 'NEWBIE' })).map((u) => u.email)).toEqual(['newbie@example.com']);
    expect((await listUsers(db, 'demo_partner', { status: 'invited' })).map((u) => u.email)).toEqual(['newbie@example.com']);
    const sales = await listUsers(db, 'demo_partner', { roleId: roles['Sales Viewer'] });
    expect(sales.map((u) => u.email).sort()).toEqual(['newbie@example.com', 'sales@example.com']);
    expect((await listUsers(db, 'demo_partner', { status: 'active' })).some((u) => u.email === 'newbie@example.com')).toBe(false);
    expect((await getUserProfile(db, 'demo_partner', invited.id)).accountIds).toEqual(['acme_corp']);
  });
});
