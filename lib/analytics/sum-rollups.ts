import type { Step, Tx } from '@/lib/db/tx';
import { localDay, quarterHour } from '@/lib/analytics/rollup-rows';
import { isQuarterHourZone, nextDay, previousDay, startOfLocalDay } from '@/lib/time/zoned-time';

export type RollupSum = {
  accountId: string;
  subAccountIds: string[];
  channel?: string;
  direction?: string;
  country?: string;
  /** A counter column of the rollups (messages, delivered, ...), from the fixed list, never from a request. */
  column: string;
  /** Inclusive start and exclusive end, on quarter-hour edges; either may be open. */
  from?: Date;
  until?: Date;
};

/**
 * One counter summed over a range: the account-local days wholly inside it from the day rollups (a few
 * hundred rows a year), and only its edges from the quarter-hour rollups, so a count over all of history
 * reads days, not tens of thousands of quarter hours.
 */
export function* sumRollups(t: Tx, s: RollupSum): Step<number> {
  const zone = (yield* t.one<{ timeZone: string }>('SELECT "timeZone" FROM "Account" WHERE "id" = ?', s.accountId))?.timeZone ?? 'UTC';
  const aligned = (at: Date | undefined) => !at || isQuarterHourZone(zone, at);
  if (!aligned(s.from) || !aligned(s.until)) return yield* sumSlots(t, s, s.from, s.until);
  // The account days wholly inside [from, until).
  let first: string | undefined;
  if (s.from) {
    first = localDay(s.from, zone);
    if (startOfLocalDay(first, zone) < s.from) first = nextDay(first);
  }
  const last = s.until ? previousDay(localDay(s.until, zone)) : undefined;
  if (first && last && first > last) return yield* sumSlots(t, s, s.from, s.until);
  const inner = yield* sumDays(t, s, first, last);
  const before = first && s.from ? yield* sumSlots(t, s, s.from, startOfLocalDay(first, zone)) : 0;
  const after = last && s.until ? yield* sumSlots(t, s, startOfLocalDay(nextDay(last), zone), s.until) : 0;
  return inner + before + after;
}

function dimensions(s: RollupSum): { sql: string; params: unknown[] } {
  const where = [`"accountId" = ?`, `"subAccountId" IN (${s.subAccountIds.map(() => '?').join(', ')})`];
  const params: unknown[] = [s.accountId, ...s.subAccountIds];
  if (s.channel) where.push('"channel" = ?') && params.push(s.channel);
  if (s.direction) where.push('"direction" = ?') && params.push(s.direction);
  if (s.country) where.push('"country" = ?') && params.push(s.country);
  return { sql: where.join(' AND '), params };
}

function* sumDays(t: Tx, s: RollupSum, first: string | undefined, last: string | undefined): Step<number> {
  const d = dimensions(s);
  const range = `${first ? ' AND "day" >= ?' : ''}${last ? ' AND "day" <= ?' : ''}`;
  const params = [...d.params, ...(first ? [first] : []), ...(last ? [last] : [])];
  return (yield* t.one<{ n: number | null }>(`SELECT SUM("${s.column}") AS "n" FROM "MessageRollupDay" WHERE ${d.sql}${range}`, ...params))?.n ?? 0;
}

function* sumSlots(t: Tx, s: RollupSum, from: Date | undefined, until: Date | undefined): Step<number> {
  if (from && until && from >= until) return 0;
  const d = dimensions(s);
  const range = `${from ? ' AND "slot" >= ?' : ''}${until ? ' AND "slot" < ?' : ''}`;
  const params = [...d.params, ...(from ? [quarterHour(from)] : []), ...(until ? [quarterHour(until)] : [])];
  return (yield* t.one<{ n: number | null }>(`SELECT SUM("${s.column}") AS "n" FROM "MessageRollupSlot" WHERE ${d.sql}${range}`, ...params))?.n ?? 0;
}
