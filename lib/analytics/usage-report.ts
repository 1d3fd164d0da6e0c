import type { Db } from '@/lib/db/client';
import { all, one, readNow, type Sqlite } from '@/lib/db/sql';
import { NotFoundError } from '@/lib/errors';
import { localDay, quarterHour } from '@/lib/analytics/rollup-rows';
import { isQuarterHourZone, nextDay, startOfLocalDay } from '@/lib/analytics/zoned-time';
import { resolveRange, type UsageQuery, type UsageQueryInput } from '@/lib/analytics/usage-query';

export const COUNTERS = ['messages', 'queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected', 'received', 'conversations'] as const;
export type Counter = (typeof COUNTERS)[number];
export type Totals = Record<Counter, number> & { cost: { amount: number; currency: string } };
export type UsageRow = Totals & { period: string } & Partial<Record<'subAccountId' | 'channel' | 'category' | 'country' | 'direction', string | null>>;
export type UsageReport = { timeZone: string; from: string; to: string; interval: UsageQuery['interval']; data: UsageRow[]; totals: Totals };

const GROUP_COLUMNS = { subAccount: 'subAccountId', channel: 'channel', category: 'category', country: 'country', direction: 'direction' } as const;

type Aggregated = Record<Counter | 'costMicros', number> & { bucket: string } & Record<string, string>;

/**
 * Usage and cost over local days `from`..`to` (inclusive) in `timeZone`, per day, month or in total,
 * grouped by the chosen dimensions. Reads the rollups only: the account-local day table when the report
 * is in the account's zone, else the UTC quarter-hour table (whose slots line up with any zone's days).
 */
export async function usageReport(db: Db, accountId: string, input: UsageQueryInput, now = new Date()): Promise<UsageReport> {
  return readNow(db, (conn) => {
    const account = one<{ timeZone: string }>(conn, 'SELECT "timeZone" FROM "Account" WHERE "id" = ?', accountId);
    if (!account) throw new NotFoundError('Account not found');
    const zone = input.timeZone ?? account.timeZone;
    const q = resolveRange(input, localDay(now, zone));
    const currency = accountCurrency(conn, accountId);
    const rows = zone === account.timeZone ? fromDays(conn, accountId, q) : fromSlots(conn, accountId, q, zone);
    const groups = q.groupBy.map((g) => GROUP_COLUMNS[g]);
    const byKey = new Map<string, UsageRow & { costMicros: number }>();
    for (const r of rows) {
      const period = q.interval === 'total' ? `${q.from}/${q.to}` : q.interval === 'month' ? r.bucket.slice(0, 7) : r.bucket;
      const key = [period, ...groups.map((g) => r[g])].join('\u0000');
      let out = byKey.get(key);
      if (!out) {
        out = { period, ...Object.fromEntries(groups.map((g) => [g, r[g] || null])), ...zero(currency), costMicros: 0 };
        byKey.set(key, out);
      }
      for (const c of COUNTERS) out[c] += r[c];
      out.costMicros += r.costMicros;
    }
    const data = [...byKey.values()].sort((a, b) => compareRows(a, b, groups)).map(({ costMicros, ...r }) => ({ ...r, cost: money(costMicros, currency) }));
    const totals = zero(currency);
    let totalMicros = 0;
    for (const r of rows) {
      for (const c of COUNTERS) totals[c] += r[c];
      totalMicros += r.costMicros;
    }
    totals.cost = money(totalMicros, currency);
    return { timeZone: zone, from: q.from, to: q.to, interval: q.interval, data, totals };
  });
}

function zero(currency: string): Totals {
  return { ...(Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>), cost: { amount: 0, currency } };
}

// Micros keep sums exact; the API shows currency units rounded to the micro.
const money = (micros: number, currency: string) => ({ amount: Math.round(micros) / 1_000_000, currency });

function compareRows(a: UsageRow, b: UsageRow, groups: string[]): number {
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  for (const g of groups) {
    const x = String((a as Record<string, unknown>)[g] ?? '');
    const y = String((b as Record<string, unknown>)[g] ?? '');
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function accountCurrency(conn: Sqlite, accountId: string): string {
  return one<{ currency: string }>(conn, 'SELECT "currency" FROM "RateCardEntry" WHERE "accountId" = ? LIMIT 1', accountId)?.currency ?? 'USD';
}

const SUMS = [...COUNTERS, 'costMicros'].map((c) => `SUM("${c}") AS "${c}"`).join(', ');
const DIMENSIONS = '"subAccountId", "channel", "category", "country", "direction"';

function filters(q: UsageQuery): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (q.subAccountId) parts.push('"subAccountId" = ?') && params.push(q.subAccountId);
  if (q.channel) parts.push('"channel" = ?') && params.push(q.channel);
  if (q.direction) parts.push('"direction" = ?') && params.push(q.direction);
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

function fromDays(conn: Sqlite, accountId: string, q: UsageQuery): Aggregated[] {
  const f = filters(q);
  return all<Aggregated>(
    conn,
    `SELECT "day" AS "bucket", ${DIMENSIONS}, ${SUMS} FROM "MessageRollupDay"
     WHERE "accountId" = ? AND "day" >= ? AND "day" <= ?${f.sql} GROUP BY "day", ${DIMENSIONS}`,
    accountId,
    q.from,
    q.to,
    ...f.params,
  );
}

function fromSlots(conn: Sqlite, accountId: string, q: UsageQuery, zone: string): Aggregated[] {
  const start = startOfLocalDay(q.from, zone);
  const end = startOfLocalDay(nextDay(q.to), zone);
  if (!isQuarterHourZone(zone, start) || !isQuarterHourZone(zone, end)) return [];
  const f = filters(q);
  const slots = all<Aggregated>(
    conn,
    `SELECT "slot" AS "bucket", ${DIMENSIONS}, ${SUMS} FROM "MessageRollupSlot"
     WHERE "accountId" = ? AND "slot" >= ? AND "slot" < ?${f.sql} GROUP BY "slot", ${DIMENSIONS}`,
    accountId,
    quarterHour(start),
    quarterHour(end),
    ...f.params,
  );
  // Quarter hours to local days: every slot of a zone whose offset is a multiple of 15 minutes lies in one day.
  for (const s of slots) s.bucket = localDay(new Date(`${s.bucket}:00.000Z`), zone);
  return slots;
}
