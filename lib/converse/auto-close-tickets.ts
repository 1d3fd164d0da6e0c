import type { Db } from '@/lib/db/client';
import { sqlDate } from '@/lib/db/sql';
import { type Dialect, write } from '@/lib/db/tx';
import { systemActor } from '@/lib/audit/record-audit-event';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { nextStamp } from '@/lib/converse/ticket-rows';

const AUTO_CLOSE = systemActor('Converse auto-close');
/** Tickets closed per transaction; more due than this and the task runs again at once. */
const BATCH = 200;
/** The longest the task sleeps: a config saved by another process (which cannot wake this one) applies within it. */
export const AUTO_CLOSE_MAX_SLEEP_MS = 60_000;

// When a resolved or pending ticket is due to close, as a Julian day: its status time plus the
// account's hours for that status (the reference docs' defaults, 1 hour, without a config row).
// SQLite has julianday; PostgreSQL counts the same days from the Unix epoch (Julian day 2440587.5).
const STATUS_JD: Record<Dialect, string> = {
  sqlite: 'julianday(t."statusAt")',
  postgres: `(EXTRACT(EPOCH FROM t."statusAt") / 86400.0 + 2440587.5)`,
};
const HOURS = `CASE t."status" WHEN 'resolved' THEN coalesce(c."resolvedToClosedHours", 1) ELSE coalesce(c."pendingToClosedHours", 1) END`;
const DUE_JD: Record<Dialect, string> = {
  sqlite: `${STATUS_JD.sqlite} + (${HOURS}) / 24.0`,
  postgres: `${STATUS_JD.postgres} + (${HOURS}) / 24.0`,
};
const FROM = `FROM "ConverseTicket" t LEFT JOIN "ConverseConfig" c ON c."accountId" = t."accountId" WHERE t."status" IN ('resolved', 'pending')`;

const jd = (d: Date) => d.getTime() / 86_400_000 + 2_440_587.5;
const fromJd = (v: number) => new Date(Math.round((v - 2_440_587.5) * 86_400_000));

/**
 * Closes the resolved and pending tickets whose status is older than the account's configured hours.
 * Each close is a compare-and-set on the status and its time, so a ticket that moved on meanwhile (a
 * customer reply made it active) stays open, and two workers never close one ticket twice. Answers
 * how many it closed and when the next one falls due.
 */
export async function closeDueTickets(db: Db, now = new Date()): Promise<{ closed: number; more: boolean; nextDueAt: Date | null }> {
  return write(db, function* (tx) {
    const due = yield* tx.all<{ id: string; accountId: string; status: string; statusAt: string; msisdn: string; hours: number }>(
      `SELECT t."id", t."accountId", t."status", t."statusAt", t."msisdn", ${HOURS} AS "hours"
       ${FROM} AND ${DUE_JD[tx.dialect]} <= ? LIMIT ?`,
      jd(now),
      BATCH,
    );
    let closed = 0;
    for (const t of due) {
      const stamp = sqlDate(now);
      const changed = yield* tx.run(
        `UPDATE "ConverseTicket" SET "status" = 'closed', "statusAt" = ?, "closedAt" = ?, "waitingSince" = NULL,
           "updatedAt" = ?
         WHERE "id" = ? AND "status" = ? AND "statusAt" = ?`,
        stamp,
        stamp,
        sqlDate(yield* nextStamp(tx, t.accountId, now)),
        t.id,
        t.status,
        t.statusAt,
      );
      if (!changed) continue;
      closed++;
      yield* insertAuditRow(
        tx,
        AUTO_CLOSE,
        {
          accountId: t.accountId,
          action: 'converse.ticket.close',
          entityType: 'converse_ticket',
          entityId: t.id,
          summary: `Ticket with ${t.msisdn} closed automatically, ${t.hours} h after it was set ${t.status}`,
          changes: { before: { status: t.status, statusAt: t.statusAt }, after: { status: 'closed' } },
        },
        now,
      );
    }
    const next = (yield* tx.one<{ jd: number | null }>(`SELECT min(${DUE_JD[tx.dialect]}) AS "jd" ${FROM}`))?.jd;
    return { closed, more: due.length === BATCH, nextDueAt: next == null ? null : fromJd(next) };
  });
}
