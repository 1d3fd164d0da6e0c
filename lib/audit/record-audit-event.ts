import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

/** Who made a change: a signed-in user (userId set) or an API key (userId null, named in the label). */
export type AuditActor = { partnerId: string; userId?: string | null; label: string };

/** A change made through the REST API is recorded under the key that made it: "API key Shop (prl_ab12cd…)". */
export function apiKeyActor(key: { partnerId: string; name: string; prefix: string }): AuditActor {
  return { partnerId: key.partnerId, userId: null, label: `API key ${key.name} (${key.prefix}…)` };
}

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
