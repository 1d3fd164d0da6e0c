import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { AuditActor } from '@/lib/audit/record-audit-event';
import { createRole } from '@/lib/partners/create-role';
import { createUser } from '@/lib/partners/create-user';
import { listAuditEvents } from '@/lib/partners/list-audit-events';
import { auditFilter } from '@/lib/partners/audit-filter';
import { seedDemoTenant } from '@/test/factories';

let admin: AuditActor;

beforeAll(async () => {
  await seedDemoTenant();
  const u = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
  admin = { partnerId: 'demo_partner', userId: u.id, label: u.email };
  const { id } = await createRole(db, admin, { name: 'Auditors', permissions: ['partners.audit.view'] });
  await createUser(db, admin, { email: 'aud@example.com', name: 'Aud', roleId: id, setup: 'link' });
  await db.auditEvent.create({
    data: {
      partnerId: 'demo_partner',
      actorLabel: 'system',
      action: 'apikey.create',
      entityType: 'api_key',
      entityId: 'k1',
      summary: 'old',
      createdAt: new Date('2026-01-02T10:00:00Z'),
    },
  });
});

describe('listAuditEvents', () => {
  it('returns newest first with filter choices', async () => {
    const page = await listAuditEvents(db, 'demo_partner');
    expect(
      page.events
        .map((e) => e.action)
        .slice(0, 2)
        .sort(),
    ).toEqual(['role.create', 'user.create']);
    // Then the seed's API key, made by Parley itself, and the oldest.
    expect(page.events.slice(2).map((e) => e.summary)).toEqual(['Created API key "Demo key"', 'old']);
    expect(page.entityTypes).toEqual(['api_key', 'role', 'user']);
    expect(page.actors).toEqual([{ id: admin.userId, label: 'admin@example.com' }]);
  });

  it('filters by entity type, actor and UTC day range', async () => {
    expect((await listAuditEvents(db, 'demo_partner', { entityType: 'role' })).events.map((e) => e.action)).toEqual(['role.create']);
    expect((await listAuditEvents(db, 'demo_partner', { actor: admin.userId! })).total).toBe(2);
    expect((await listAuditEvents(db, 'demo_partner', { from: '2026-01-02', to: '2026-01-02' })).events.map((e) => e.summary)).toEqual(['old']);
    expect((await listAuditEvents(db, 'demo_partner', { to: '2026-01-01' })).total).toBe(0);
  });

  it('ignores malformed filters from the URL instead of failing', () => {
    expect(auditFilter.parse({ from: 'yesterday', to: '2026-13-45', page: '-3', entityType: 'role' })).toEqual({
      entityType: 'role',
      from: undefined,
      to: undefined,
      page: 1,
    });
  });
});
