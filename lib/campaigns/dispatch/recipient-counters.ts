import { run, sqlDate, type Sqlite } from '@/lib/db/sql';
import type { RecipientStatus } from '@/lib/campaigns/campaign-spec';

// Campaign's per-state counters (pending, queued, sent, delivered, read, failed, skipped) count the
// recipients in each state now. Every change of a recipient's state moves them in the same
// transaction, so the page reads one row instead of counting a million.

const COUNTED = new Set<RecipientStatus>(['pending', 'queued', 'sent', 'delivered', 'read', 'failed', 'skipped']);
const statements = new Map<string, string>();

function counterSql(from: RecipientStatus, to: RecipientStatus): string {
  const key = `${from}>${to}`;
  let sql = statements.get(key);
  if (!sql) {
    // Column names come from the fixed set above, never from input.
    const sets = [...(COUNTED.has(from) ? [`"${from}" = "${from}" - @n`] : []), ...(COUNTED.has(to) ? [`"${to}" = "${to}" + @n`] : []), '"updatedAt" = @at'];
    sql = `UPDATE "Campaign" SET ${sets.join(', ')} WHERE "id" = @id`;
    statements.set(key, sql);
  }
  return sql;
}

/** Moves `n` recipients' worth of the campaign's counters from one state to another. */
export function moveCounters(conn: Sqlite, campaignId: string, from: RecipientStatus, to: RecipientStatus, n: number, at: Date): void {
  if (n <= 0 || from === to) return;
  run(conn, counterSql(from, to), { n, at: sqlDate(at), id: campaignId });
}
