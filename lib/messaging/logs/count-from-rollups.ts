import { read } from '@/lib/db/tx';
import type { Db } from '@/lib/db/client';
import { COUNTED_STATES } from '@/lib/analytics/rollup-rows';
import { sumRollups } from '@/lib/analytics/sum-rollups';
import type { LogsFilters } from '@/lib/messaging/logs/logs-query-schema';

const QUARTER = 15 * 60_000;

/**
 * How many messages match, read from the quarter-hour rollups instead of the messages: exact (the
 * rollups move in the transaction of each change) at any size. Only for what the rollups are keyed by
 * (subaccount, channel, direction, country, state) over a range on quarter-hour edges, as the
 * Dashboard's links are; null for anything else (a number, a campaign, an error code, a minute).
 */
export async function countFromRollups(db: Db, accountId: string, subAccountIds: string[], f: LogsFilters): Promise<number | null> {
  if (f.msisdn || f.umid || f.campaignId || f.workflowId || f.errorCode !== undefined) return null;
  if (f.status && !(COUNTED_STATES as readonly string[]).includes(f.status)) return null;
  if (f.from && f.from.getTime() % QUARTER !== 0) return null;
  // "to" is inclusive: a range ending on an edge ends a millisecond before it.
  if (f.to && (f.to.getTime() + 1) % QUARTER !== 0) return null;
  // Column names come from the fixed list of states, never from the request as written.
  const column = f.status ? COUNTED_STATES.find((s) => s === f.status)! : 'messages';
  return read(db, (t) =>
    sumRollups(t, {
      accountId,
      subAccountIds,
      channel: f.channel,
      direction: f.direction,
      country: f.country,
      column,
      from: f.from,
      until: f.to ? new Date(f.to.getTime() + 1) : undefined,
    }),
  );
}
