import type { Db } from '@/lib/db/client';
import { newId, sqlDate, sqlJson } from '@/lib/db/sql';
import { type Step, write } from '@/lib/db/tx';
import type { Actor } from '@/lib/audit/record-audit-event';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { rebuildAccountRollups } from '@/lib/analytics/rebuild-rollups';
import { isTimeZoneId } from '@/lib/tenancy/time-zone-options';

export type TimeZoneChange = { timeZone: string; previous: string; changed: boolean; messagesRecounted: number };

/**
 * Sets the account's time zone (the days of its Dashboard and Reports) and recounts its day rollups in
 * that zone, in one write transaction with the audit entry: no report ever reads days of the old zone
 * under the new one, and no message change slips between the switch and the recount. The recount reads
 * every message of the account once; on a very large account it holds the write lock for that long.
 */
export async function setAccountTimeZone(db: Db, args: { accountId: string; timeZone: string; actor: Actor; now?: Date }): Promise<TimeZoneChange> {
  const timeZone = args.timeZone.trim();
  if (!isTimeZoneId(timeZone)) {
    throw new ValidationError("Invalid parameter(s): 'timeZone'", [{ path: 'timeZone', message: 'Choose a time zone from the list, such as Asia/Singapore' }]);
  }
  const now = args.now ?? new Date();
  return write(db, function* (t): Step<TimeZoneChange> {
    const account = yield* t.one<{ timeZone: string; partnerId: string }>('SELECT "timeZone", "partnerId" FROM "Account" WHERE "id" = ?', args.accountId);
    if (!account) throw new NotFoundError('Account not found');
    if (account.timeZone === timeZone) return { timeZone, previous: timeZone, changed: false, messagesRecounted: 0 };
    yield* t.run('UPDATE "Account" SET "timeZone" = ? WHERE "id" = ?', timeZone, args.accountId);
    const messagesRecounted = yield* rebuildAccountRollups(t, args.accountId);
    // recordAuditEvent's row, written in this transaction so it commits or rolls back with the change.
    yield* t.run(
      'INSERT INTO "AuditEvent" ("id", "partnerId", "accountId", "actorUserId", "actorLabel", "action", "entityType", "entityId", "summary", "changes", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      newId(),
      args.actor.partnerId ?? account.partnerId,
      args.accountId,
      args.actor.userId ?? null,
      args.actor.label,
      'account.time_zone.update',
      'account',
      args.accountId,
      `Time zone changed from ${account.timeZone} to ${timeZone}; ${messagesRecounted} messages recounted into its days`,
      sqlJson({ timeZone: { from: account.timeZone, to: timeZone } }),
      sqlDate(now),
    );
    return { timeZone, previous: account.timeZone, changed: true, messagesRecounted };
  });
}
