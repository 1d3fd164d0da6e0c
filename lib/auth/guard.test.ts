import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { loadPrincipal } from '@/lib/auth/principal';
import { requirePermission } from '@/lib/auth/guard';
import { ALL_PERMISSIONS, BUILT_IN_ROLES, type Permission } from '@/lib/auth/permissions';
import { NotFoundError, PermissionError, UnauthorizedError } from '@/lib/errors';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { createRole } from '@/lib/partners/create-role';
import { createUser } from '@/lib/partners/create-user';

// The permission matrix: each seeded role against each guarded permission.
const SEEDED_USERS: Record<string, string> = {
  'Partner Admin': 'admin@example.com',
  'Support Analyst': 'analyst@example.com',
  'Sales Viewer': 'sales@example.com',
};

describe('requirePermission', () => {
  let other: Awaited<ReturnType<typeof createOtherTenant>>;
  beforeAll(async () => {
    await seedDemoTenant();
    other = await createOtherTenant();
  });

  for (const role of BUILT_IN_ROLES) {
    describe(role.name, () => {
      for (const permission of ALL_PERMISSIONS) {
        const allowed = (role.permissions as readonly Permission[]).includes(permission);
        it(`${allowed ? 'allows' : 'refuses'} ${permission}`, async () => {
          const user = await db.user.findUniqueOrThrow({ where: { email: SEEDED_USERS[role.name] } });
          const principal = await loadPrincipal(db, user.id);
          if (allowed) expect(requirePermission(principal, permission, 'acme_corp').userId).toBe(user.id);
          else expect(() => requirePermission(principal, permission, 'acme_corp')).toThrow(PermissionError);
        });
      }
    });
  }

  it('refuses a missing principal as unauthorized', () => {
    expect(() => requirePermission(null, 'dashboard.view')).toThrow(UnauthorizedError);
  });

  it("reports another tenant's account as not found, even to a partner admin", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
    const principal = await loadPrincipal(db, admin.id);
    expect(principal!.accounts.map((a) => a.id)).toEqual(['acme_corp']);
    expect(() => requirePermission(principal, 'dashboard.view', other.accountId)).toThrow(NotFoundError);
  });

  it('applies a role change on the next load, and drops deactivated users and old sessions', async () => {
    const analyst = await db.user.findUniqueOrThrow({ where: { email: 'analyst@example.com' }, include: { role: true } });
    expect((await loadPrincipal(db, analyst.id))!.permissions.has('templates.view')).toBe(false);
    const role = await db.role.create({ data: { partnerId: 'demo_partner', name: 'Temp', permissions: ['templates.view'] } });
    await db.user.update({ where: { id: analyst.id }, data: { roleId: role.id } });
    expect((await loadPrincipal(db, analyst.id))!.permissions.has('templates.view')).toBe(true);
    await db.user.update({ where: { id: analyst.id }, data: { roleId: analyst.roleId, sessionVersion: { increment: 1 } } });
    expect(await loadPrincipal(db, analyst.id, 0)).toBeNull();
    await db.user.update({ where: { id: analyst.id }, data: { status: 'deactivated' } });
    expect(await loadPrincipal(db, analyst.id)).toBeNull();
    await db.user.update({ where: { id: analyst.id }, data: { status: 'active', sessionVersion: 0 } });
  });
});

// The same matrix for granting (issue 12): each seeded role may put into a role exactly the
// permissions it holds, and give a new user only the accounts it reaches.
describe('grant what you do not hold', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    if (!(await db.account.findUnique({ where: { id: 'initech' } }))) {
      await db.account.create({ data: { id: 'initech', partnerId: 'demo_partner', name: 'Initech' } });
    }
  });
  const actorOf = async (role: string) => {
    const user = await db.user.findUniqueOrThrow({ where: { email: SEEDED_USERS[role] } });
    return { partnerId: 'demo_partner', userId: user.id, label: user.email };
  };

  for (const role of BUILT_IN_ROLES) {
    describe(role.name, () => {
      for (const permission of ALL_PERMISSIONS) {
        const allowed = (role.permissions as readonly Permission[]).includes(permission);
        it(`${allowed ? 'may grant' : 'cannot grant'} ${permission}`, async () => {
          const attempt = createRole(db, await actorOf(role.name), { name: `${role.name} grants ${permission}`, permissions: [permission] });
          if (allowed) await expect(attempt).resolves.toMatchObject({ id: expect.any(String) });
          else await expect(attempt).rejects.toBeInstanceOf(PermissionError);
        });
      }

      const allAccounts = role.name === 'Partner Admin';
      it(`${allAccounts ? 'may grant' : 'cannot grant'} all accounts, or an account it does not reach`, async () => {
        // A role every seeded role holds, so only the accounts decide.
        const minimal =
          (await db.role.findFirst({ where: { partnerId: 'demo_partner', name: 'Reports only' } })) ??
          (await db.role.create({ data: { partnerId: 'demo_partner', name: 'Reports only', permissions: ['reports.view'] } }));
        const slug = role.name.toLowerCase().replace(/\W+/g, '-');
        const actor = await actorOf(role.name);
        const base = { name: 'Grant target', roleId: minimal.id, setup: 'link' as const };
        const all = createUser(db, actor, { ...base, email: `all-${slug}@example.com`, allAccounts: true });
        const other = createUser(db, actor, { ...base, email: `initech-${slug}@example.com`, accountIds: ['initech'] });
        if (allAccounts) {
          const [made, madeOther] = await Promise.all([all, other]);
          expect(await db.user.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ allAccounts: true });
          expect(await db.userAccountAccess.findMany({ where: { userId: madeOther.id }, select: { accountId: true } })).toEqual([{ accountId: 'initech' }]);
        } else {
          for (const outcome of await Promise.allSettled([all, other]))
            expect(outcome.status === 'rejected' && outcome.reason).toMatchObject({ status: 403, issues: [{ path: 'accountIds' }] });
        }
      });
    });
  }
});
