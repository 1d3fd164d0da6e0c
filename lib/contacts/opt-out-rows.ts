import { one, type Sqlite } from '@/lib/db/sql';

// The opt-out list as the send pipeline reads it, inside the send's own transaction. A leaf module: the
// pipeline imports it, so it imports nothing of messaging.

/** Whether the number asked for no marketing messages from this account. */
export function isOptedOut(conn: Sqlite, accountId: string, msisdn: string): boolean {
  return !!one(conn, 'SELECT 1 FROM "OptOut" WHERE "accountId" = ? AND "msisdn" = ?', accountId, msisdn);
}
