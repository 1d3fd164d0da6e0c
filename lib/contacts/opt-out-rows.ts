import { readDate, sqlDate } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
import { inList } from '@/lib/db/in-list';

// The opt-out list as the send pipeline reads it, inside the send's own transaction, and as contacts
// write it. A leaf module: the pipeline imports it, so it imports nothing of messaging.

/** Whether the number asked for no marketing messages from this account. */
export function* isOptedOut(t: Tx, accountId: string, msisdn: string): Step<boolean> {
  return !!(yield* t.one('SELECT 1 AS "x" FROM "OptOut" WHERE "accountId" = ? AND "msisdn" = ?', accountId, msisdn));
}

/** Which of `msisdns` asked for no marketing messages from this account (isOptedOut for a batch). */
export function* optedOutAmong(t: Tx, accountId: string, msisdns: readonly string[]): Step<Set<string>> {
  const list = inList(t, msisdns);
  const rows = yield* t.all<{ msisdn: string }>(`SELECT "msisdn" FROM "OptOut" WHERE "accountId" = ? AND "msisdn" ${list.sql}`, accountId, list.param);
  return new Set(rows.map((r) => r.msisdn));
}

export type OptOutRow = { msisdn: string; source: string; optedOutAt: Date };

export function* findOptOut(t: Tx, accountId: string, msisdn: string): Step<OptOutRow | null> {
  const r = yield* t.one<{ msisdn: string; source: string; optedOutAt: string }>(
    'SELECT "msisdn", "source", "optedOutAt" FROM "OptOut" WHERE "accountId" = ? AND "msisdn" = ?',
    accountId,
    msisdn,
  );
  return r ? { msisdn: r.msisdn, source: r.source, optedOutAt: readDate(r.optedOutAt) } : null;
}

/**
 * Records the opt-out; false when the number had already opted out, whose first record (how and when
 * the customer asked) is kept as it was.
 */
export function* insertOptOut(t: Tx, accountId: string, msisdn: string, source: string, at: Date): Step<boolean> {
  const changed = yield* t.run(
    'INSERT INTO "OptOut" ("accountId", "msisdn", "source", "optedOutAt") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    accountId,
    msisdn,
    source,
    sqlDate(at),
  );
  return changed > 0;
}

/** Lifts the opt-out; false when there was none. */
export function* deleteOptOut(t: Tx, accountId: string, msisdn: string): Step<boolean> {
  return (yield* t.run('DELETE FROM "OptOut" WHERE "accountId" = ? AND "msisdn" = ?', accountId, msisdn)) > 0;
}
