import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { AUDIT_PAGE_SIZE, type AuditFilter } from '@/lib/partners/audit-filter';

export type AuditEventRow = {
  id: string;
  createdAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  accountId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  changes: unknown;
};

export type AuditPage = {
  events: AuditEventRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Choices for the filters: what this partner's log actually contains. */
  entityTypes: string[];
  actors: { id: string; label: string }[];
};

/** The partner's audit log, newest first; dates are whole UTC days, both ends included. */
export async function listAuditEvents(db: Db, partnerId: string, filter: Partial<AuditFilter> = {}): Promise<AuditPage> {
  const where: Prisma.AuditEventWhereInput = { partnerId };
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.actor) where.actorUserId = filter.actor;
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
    };
  }
  const page = Math.max(1, filter.page ?? 1);
  const [events, total, types, actors] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where: { partnerId }, distinct: ['entityType'], select: { entityType: true }, orderBy: { entityType: 'asc' } }),
    db.auditEvent.findMany({
      where: { partnerId, actorUserId: { not: null } },
      distinct: ['actorUserId'],
      select: { actorUserId: true, actorLabel: true },
      orderBy: { actorUserId: 'asc' },
    }),
  ]);
  return {
    events: events.map((e) => ({ ...e, changes: e.changes ?? null })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entityTypes: types.map((t) => t.entityType),
    actors: actors.map((a) => ({ id: a.actorUserId!, label: a.actorLabel })).sort((a, b) => a.label.localeCompare(b.label)),
  };
}
