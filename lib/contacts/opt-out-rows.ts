import { one, readDate, run, sqlDate, type Sqlite } from '@/lib/db/sql';

// The opt-out list as the send pipeline reads it, inside the send's own transaction, and as contacts
// write it. A leaf module: the pipeline imports it, so it imports nothing of messaging.

/** Whether the number asked for no marketing messages from this account. */
export function isOptedOut(conn: Sqlite, accountId: string, msisdn: string): boolean {
  return !!one(conn, 'SELECT 1 FROM "OptOut" WHERE "accountId" = ? AND "msisdn" = ?', accountId, msisdn);
}

export type OptOutRow = { msisdn: string; source: string; optedOutAt: Date };

export function findOptOut(conn: Sqlite, accountId: string, msisdn: string): OptOutRow | null {
  const r = one<{ msisdn: string; source: string; optedOutAt: string }>(
    conn,
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
export function insertOptOut(conn: Sqlite, accountId: string, msisdn: string, source: string, at: Date): boolean {
  return (
    run(
      conn,
      'INSERT INTO "OptOut" ("accountId", "msisdn", "source", "optedOutAt") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      accountId,
      msisdn,
      source,
      sqlDate(at),
    ) > 0
  );
}

/** Lifts the opt-out; false when there was none. */
export function deleteOptOut(conn: Sqlite, accountId: string, msisdn: string): boolean {
  return run(conn, 'DELETE FROM "OptOut" WHERE "accountId" = ? AND "msisdn" = ?', accountId, msisdn) > 0;
}
