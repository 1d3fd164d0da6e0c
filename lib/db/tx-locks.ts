import type { Dialect, Step, Tx } from '@/lib/db/tx-types';

// The locks of the READ COMMITTED bodies (lib/db/tx.ts, LOCKING). SQLite needs none: its one write
// transaction at a time already is what these make of PostgreSQL for the rows they name.

/**
 * Holds `scope`/`key` until the transaction ends, waiting while another holds it: every body that
 * decides something about the same key (a conversation, an account's count) then runs one at a time,
 * and each statement after the lock sees what the previous holder committed.
 */
export function* lockKey(t: Tx, scope: string, key: string): Step<void> {
  if (t.dialect !== 'postgres') return;
  // Two 32-bit hashes: a collision only makes two keys wait for each other.
  yield* t.one('SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?)) AS "x"', scope, key);
}

/**
 * `select` with a row lock on PostgreSQL, by dialect (`locking(sql)[t.dialect]`), for the row a body is
 * about to change from what it read. NO KEY: what an UPDATE of other columns takes, so rows that
 * reference this one by foreign key (a message's status changes) are still inserted meanwhile. Made once
 * per statement at load: the texts are the statement cache's keys.
 */
export function locking(select: string): Record<Dialect, string> {
  return { sqlite: select, postgres: `${select} FOR NO KEY UPDATE` };
}

/** One customer's conversation on one subaccount: its windows, the instance an inbound message resumes or starts, its ticket. */
export function* lockConversation(t: Tx, subAccountId: string, msisdn: string): Step<void> {
  if (t.dialect === 'postgres') yield* lockKey(t, `conversation:${subAccountId}`, msisdn);
}
