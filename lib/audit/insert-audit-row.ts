import type { Actor, AuditEventInput } from '@/lib/audit/record-audit-event';
import { newId, sqlDate, sqlJson } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';

// recordAuditEvent's row as a transaction body (lib/db/tx.ts), for writes that run in one (contacts,
// campaign imports and lifecycle, Converse tickets inside the runner's or the send's transaction), so the
// entry commits or rolls back with them.

/** Appends the audit entry inside the caller's write transaction. */
export function* insertAuditRow(t: Tx, actor: Actor, event: AuditEventInput & { accountId: string }, at: Date): Step<void> {
  const partnerId = actor.partnerId ?? (yield* t.one<{ partnerId: string }>('SELECT "partnerId" FROM "Account" WHERE "id" = ?', event.accountId))?.partnerId;
  // A programming error, not a user's: the system only writes inside an account.
  if (!partnerId) throw new Error(`Account '${event.accountId}' not found for its audit record`);
  yield* t.run(
    'INSERT INTO "AuditEvent" ("id", "partnerId", "accountId", "actorUserId", "actorLabel", "action", "entityType", "entityId", "summary", "changes", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    newId(),
    partnerId,
    event.accountId,
    actor.userId ?? null,
    actor.label,
    event.action,
    event.entityType,
    event.entityId,
    event.summary,
    sqlJson(event.changes),
    sqlDate(at),
  );
}
