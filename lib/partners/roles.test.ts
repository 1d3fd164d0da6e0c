import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { loadPrincipal } from '@/lib/auth/principal';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { createRole } from '@/lib/partners/create-role';
import { updateRole } from '@/lib/partners/update-role';
import { deleteRole } from '@/lib/partners/delete-role';
import { listRoles } from '@/lib/partners/list-roles';
import { createUserWithPermissions, seedDemoTenant } from '@/test/factories';
import type { AuditActor } from '@/lib/audit/record-audit-event';

let admin: AuditActor;

async function roleId(name: string) {
  return (await db.role.findFirstOrThrow({ where: { partnerId: 'demo_partner', name } })).id;
}

beforeAll(async () => {
  await seedDemoTenant();
  const u = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
  admin = { partnerId: 'demo_partner', userId: u.id, label: u.email };
});

describe('roles', () => {
  it('creates a role with granular permissions and audits it', async () => {
    const { id } = await createRole(db, admin, { name: 'Support Analyst 2', description: 'Logs and reports', permissions: ['logs.view', 'reports.view'] });
    const roles = await listRoles(db, 'demo_partner');
    const role = roles.find((r) => r.id === id)!;
    expect(role).toMatchObject({ name: 'Support Analyst 2', permissions: ['logs.view', 'reports.view'], builtIn: false, userCount: 0 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'role.create' } });
    expect(audit.actorLabel).toBe('admin@example.com');
    expect(audit.changes).toEqual({ after: { name: 'Support Analyst 2', description: 'Logs and reports', permissions: ['logs.view', 'reports.view'] } });
  });

  it('refuses a duplicate name (any case), no permissions and unknown permissions, beside the field', async () => {
    const dup = await createRole(db, admin, { name: 'support analyst', permissions: ['logs.view'] }).catch((e) => e);
    expect(dup).toBeInstanceOf(ValidationError);
    expect(dup.issues[0]).toMatchObject({ path: 'name' });
    const none = await createRole(db, admin, { name: 'Empty', permissions: [] }).catch((e) => e);
    expect(none.issues[0]).toEqual({ path: 'permissions', message: 'Select at least one permission' });
    const bogus = await createRole(db, admin, { name: 'Bogus', permissions: ['logs.view', 'root.everything'] }).catch((e) => e);
    expect(bogus).toBeInstanceOf(ValidationError);
    expect(await db.role.count({ where: { name: { in: ['Empty', 'Bogus'] } } })).toBe(0);
  });

  it('edits a role, records before/after, and its holders get the new permissions on their next request', async () => {
    const user = await createUserWithPermissions(['logs.view']);
    const before = await loadPrincipal(db, user.id, 0);
    expect(before!.permissions.has('templates.view')).toBe(false);
    await updateRole(db, admin, { id: user.roleId!, name: 'Editors', description: '', permissions: ['logs.view', 'templates.view'] });
    const after = await loadPrincipal(db, user.id, 0);
    expect([...after!.permissions].sort()).toEqual(['logs.view', 'templates.view']);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.roleId!, action: 'role.update' } });
    expect(audit.changes).toMatchObject({ before: { permissions: ['logs.view'] }, after: { name: 'Editors', permissions: ['logs.view', 'templates.view'] } });
  });

  it('never deletes a built-in role', async () => {
    const err = await deleteRole(db, admin, { id: await roleId('Sales Viewer') }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/built-in/);
    expect(await db.role.count({ where: { name: 'Sales Viewer' } })).toBe(1);
  });

  it('deletes a role only when nobody holds it, or after moving its holders', async () => {
    const user = await createUserWithPermissions(['reports.view']);
    const err = await deleteRole(db, admin, { id: user.roleId! }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/1 user holds/);
    expect(await db.role.count({ where: { id: user.roleId! } })).toBe(1);

    const target = await roleId('Support Analyst');
    const res = await deleteRole(db, admin, { id: user.roleId!, reassignToRoleId: target });
    expect(res.reassigned).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).roleId).toBe(target);
    expect(await db.role.count({ where: { id: user.roleId! } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.roleId!, action: 'role.delete' } });
    expect(audit.changes).toMatchObject({ reassigned: { toRoleName: 'Support Analyst', users: [user.email] } });

    const { id: unused } = await createRole(db, admin, { name: 'Unused', permissions: ['dashboard.view'] });
    await deleteRole(db, admin, { id: unused });
    expect(await db.role.count({ where: { id: unused } })).toBe(0);
  });

  it('refuses to let an admin remove their own admin permission, and changes nothing', async () => {
    const adminRole = await roleId('Partner Admin');
    const err = await updateRole(db, admin, {
      id: adminRole,
      name: 'Partner Admin',
      description: '',
      permissions: ['dashboard.view', 'partners.roles.manage'],
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toMatch(/Manage Users/);
    expect(err.issues[0].path).toBe('permissions');
    const principal = await loadPrincipal(db, admin.userId!);
    expect(principal!.permissions.has('partners.users.manage')).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: adminRole } })).toBe(0);
  });

  it('lets an admin change a role that would leave the team without admins only if another admin remains', async () => {
    // A second admin role, held by someone else: removing admin rights from it is fine while the demo admin stays.
    const other = await createUserWithPermissions(['partners.roles.manage', 'partners.users.manage']);
    await updateRole(db, admin, { id: other.roleId!, name: 'Former admins', description: '', permissions: ['dashboard.view'] });
    expect((await loadPrincipal(db, other.id))!.permissions.has('partners.users.manage')).toBe(false);
  });
});
