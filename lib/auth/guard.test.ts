import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { loadPrincipal } from '@/lib/auth/principal';
import { requirePermission } from '@/lib/auth/guard';
import { ALL_PERMISSIONS, BUILT_IN_ROLES, type Permission } from '@/lib/auth/permissions';
import { NotFoundError, PermissionError, UnauthorizedError } from '@/lib/errors';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';

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
