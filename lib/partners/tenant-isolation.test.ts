import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { NotFoundError } from '@/lib/errors';
import type { AuditActor } from '@/lib/audit/record-audit-event';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { listRoles } from '@/lib/partners/list-roles';
import { updateRole } from '@/lib/partners/update-role';
import { deleteRole } from '@/lib/partners/delete-role';
import { createUser } from '@/lib/partners/create-user';
import { listUsers } from '@/lib/partners/list-users';
import { getUserProfile } from '@/lib/partners/get-user-profile';
import { updateUserAccess } from '@/lib/partners/update-user-access';
import { setUserStatus } from '@/lib/partners/set-user-status';
import { resetPassword } from '@/lib/partners/reset-password';
import { listAuditEvents } from '@/lib/partners/list-audit-events';
import { listPartnerAccounts } from '@/lib/partners/list-partner-accounts';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';

// Another partner's roles, users, accounts and audit events are invisible and untouchable: 404.
let admin: AuditActor;
let salesRole: string;
let other: Awaited<ReturnType<typeof createOtherTenant>>;
let otherRole: string;
let otherUser: string;

beforeAll(async () => {
  await seedDemoTenant();
  const u = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
  admin = { partnerId: 'demo_partner', userId: u.id, label: u.email };
  salesRole = (await db.role.findFirstOrThrow({ where: { partnerId: 'demo_partner', name: 'Sales Viewer' } })).id;
  other = await createOtherTenant();
  otherRole = (await db.role.create({ data: { partnerId: other.partnerId, name: 'Their role', permissions: ['logs.view'] } })).id;
  otherUser = (
    await db.user.create({
      data: { partnerId: other.partnerId, email: 'them@globex.test', name: 'Them', passwordHash: await hashPassword('their-password-123'), roleId: otherRole },
    })
  ).id;
  await recordAuditEvent(
    db,
    { partnerId: other.partnerId, userId: otherUser, label: 'them@globex.test' },
    { action: 'role.create', entityType: 'role', entityId: otherRole, summary: 'secret' },
  );
});

describe('tenant isolation', () => {
  it('lists show only the partner’s own roles, users, accounts and audit events', async () => {
    expect((await listRoles(db, 'demo_partner')).map((r) => r.id)).not.toContain(otherRole);
    expect((await listUsers(db, 'demo_partner')).map((u) => u.id)).not.toContain(otherUser);
    expect((await listPartnerAccounts(db, 'demo_partner')).map((a) => a.id)).toEqual(['acme_corp']);
    const audit = await listAuditEvents(db, 'demo_partner');
    expect(audit.events.some((e) => e.summary === 'secret')).toBe(false);
    expect(audit.actors.some((a) => a.id === otherUser)).toBe(false);
  });

  it('another partner’s role, user or account answers 404 and stays unchanged', async () => {
    const attempts: Promise<unknown>[] = [
      updateRole(db, admin, { id: otherRole, name: 'Hijacked', permissions: ['logs.view'] }),
      deleteRole(db, admin, { id: otherRole }),
      getUserProfile(db, 'demo_partner', otherUser),
      updateUserAccess(db, admin, { userId: otherUser, name: 'Hijacked', roleId: salesRole, accountIds: [] }),
      setUserStatus(db, admin, { userId: otherUser, status: 'deactivated' }),
      resetPassword(db, admin, { userId: otherUser, setup: 'link' }),
      // Our user, but their role or their account:
      createUser(db, admin, { email: 'x1@example.com', name: 'X', roleId: otherRole, setup: 'link' }),
      createUser(db, admin, { email: 'x2@example.com', name: 'X', roleId: salesRole, accountIds: [other.accountId], setup: 'link' }),
      updateUserAccess(db, admin, { userId: admin.userId!, name: 'Demo Admin', roleId: otherRole, accountIds: [] }),
    ];
    // Settled together: awaiting them one by one leaves a later one's refusal unhandled while an earlier one runs.
    for (const outcome of await Promise.allSettled(attempts)) expect(outcome.status === 'rejected' && outcome.reason).toBeInstanceOf(NotFoundError);
    expect(await db.role.findUniqueOrThrow({ where: { id: otherRole } })).toMatchObject({ name: 'Their role' });
    expect(await db.user.findUniqueOrThrow({ where: { id: otherUser } })).toMatchObject({ name: 'Them', status: 'active', sessionVersion: 0 });
    expect(await db.user.count({ where: { email: { in: ['x1@example.com', 'x2@example.com'] } } })).toBe(0);
    // None by the admin (the seed's API key is recorded under Parley itself).
    expect(await db.auditEvent.count({ where: { partnerId: 'demo_partner', actorUserId: { not: null } } })).toBe(0);
  });
});
