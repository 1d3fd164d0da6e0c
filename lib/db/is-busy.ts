import { isWriteConflict } from '@/lib/db/postgres/run-postgres';

/**
 * True when a database error means "busy, try again", not "wrong": SQLite's write lock held by another
 * connection past busy_timeout (the adapter reports SQLITE_BUSY as P1008 "Operation has timed out"),
 * a transaction that could not start or ran out of time under load (P2028), or a write conflict
 * (P2034). The runner retries these; the API answers 503 with Retry-After instead of a 500.
 */
export function isBusy(err: unknown): boolean {
  const text = String((err as Error)?.message ?? err);
  const code = (err as { code?: unknown })?.code;
  return (
    code === 'P1008' ||
    code === 'P2028' ||
    code === 'P2034' ||
    // PostgreSQL: a write conflict that outlived lib/db/tx.ts's retries, a statement cancelled by
    // statement_timeout, a lock not available, too many connections.
    isWriteConflict(err) ||
    code === '57014' ||
    code === '55P03' ||
    code === '53300' ||
    /SQLITE_BUSY|database is locked|Timed out fetching a new connection|timeout exceeded when trying to connect|Operation has timed out|Unable to start a transaction|Transaction already closed|P2028|P2034/i.test(
      text,
    )
  );
}
