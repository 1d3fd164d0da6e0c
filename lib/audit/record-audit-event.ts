import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

export type AuditActor = { partnerId: string; userId?: string | null; label: string };

export type AuditEventInput = {
  accountId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  changes?: Prisma.InputJsonValue;
};

type Tx = Pick<Db, 'auditEvent'>;

/** Appends to the audit log; pass the transaction client so the record commits with the change. */
export async function recordAuditEvent(tx: Tx, actor: AuditActor, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      partnerId: actor.partnerId,
      actorUserId: actor.userId ?? null,
      actorLabel: actor.label,
      accountId: event.accountId ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      summary: event.summary,
      changes: event.changes,
    },
  });
}
