import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

/**
 * Who made a change: a signed-in user (userId set) or an API key (userId null, named in the label).
 * A key made by a person acts within that person's current account access (accessOfUserId), so a
 * key never reaches an account its maker cannot.
 */
export type AuditActor = { partnerId: string; userId?: string | null; accessOfUserId?: string | null; label: string };

/** The person whose account access bounds what the actor reaches (null: a seeded key, the whole partner). */
export function accessHolder(actor: AuditActor): string | null {
  return actor.userId ?? actor.accessOfUserId ?? null;
}

/**
 * Parley itself, acting with nobody behind it (seeding, the sandbox reviewer, WhatsApp's automatic
 * upgrade). Said explicitly rather than by leaving the actor out, so that a write with no actor does
 * not compile: every change is recorded, and the system's under its own label. The partner is the
 * one of the account written to.
 */
export type SystemActor = { system: true; partnerId?: undefined; userId?: null; label: string };

/** Whoever a write in lib is recorded under. */
export type Actor = AuditActor | SystemActor;

export function systemActor(label: string): SystemActor {
  return { system: true, label };
}

/** The system with no more specific name: seeds, scripts and tests. */
export const SYSTEM_ACTOR: SystemActor = systemActor('Parley');

/** A change made through the REST API is recorded under the key that made it: "API key Shop (prl_ab12cd…)". */
export function apiKeyActor(key: { partnerId: string; name: string; prefix: string; createdById?: string | null }): AuditActor {
  return { partnerId: key.partnerId, userId: null, accessOfUserId: key.createdById ?? null, label: `API key ${key.name} (${key.prefix}…)` };
}

export type AuditEventInput = {
  accountId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  changes?: Prisma.InputJsonValue;
};

type Tx = Pick<Db, 'auditEvent' | 'account'>;

/** Appends to the audit log; pass the transaction client so the record commits with the change. */
export async function recordAuditEvent(tx: Tx, actor: Actor, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      partnerId: actor.partnerId ?? (await accountPartner(tx, event.accountId)),
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

async function accountPartner(tx: Tx, accountId: string | null | undefined): Promise<string> {
  // A programming error, not a user's: the system only writes inside an account.
  if (!accountId) throw new Error('A change made by the system is recorded against an account');
  const account = await tx.account.findUnique({ where: { id: accountId }, select: { partnerId: true } });
  if (!account) throw new Error(`Account '${accountId}' not found for its audit record`);
  return account.partnerId;
}
