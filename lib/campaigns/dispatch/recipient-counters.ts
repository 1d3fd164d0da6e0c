import { sqlDate } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
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
    // Positional parameters (both databases take them): the amount once per counter moved, then the time and the id.
    const sets = [...(COUNTED.has(from) ? [`"${from}" = "${from}" - ?`] : []), ...(COUNTED.has(to) ? [`"${to}" = "${to}" + ?`] : []), '"updatedAt" = ?'];
    sql = `UPDATE "Campaign" SET ${sets.join(', ')} WHERE "id" = ?`;
    statements.set(key, sql);
  }
  return sql;
}

/**
 * Moves `n` recipients' worth of the campaign's counters from one state to another. Every receipt of a
 * campaign's messages moves its one row: on PostgreSQL the moves of a transaction (a batch of receipts)
 * are summed and written as it commits (Tx.addAtEnd), or the row's lock would make the batches of every
 * worker wait for each other from their first receipt to their commit.
 */
export function* moveCounters(t: Tx, campaignId: string, from: RecipientStatus, to: RecipientStatus, n: number, at: Date): Step<void> {
  if (n <= 0 || from === to) return;
  const amounts = (COUNTED.has(from) ? 1 : 0) + (COUNTED.has(to) ? 1 : 0);
  yield* t.addAtEnd(`Campaign:${campaignId}:${from}>${to}`, counterSql(from, to), amounts === 2 ? [n, n] : amounts === 1 ? [n] : [], [sqlDate(at), campaignId]);
}
