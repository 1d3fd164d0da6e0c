import type { Db } from '@/lib/db/client';
import { read, type Step, type Tx } from '@/lib/db/tx';
import { NotFoundError } from '@/lib/errors';
import { localDay, quarterHour } from '@/lib/analytics/rollup-rows';
import { isQuarterHourZone, nextDay, previousDay, startOfLocalDay } from '@/lib/time/zoned-time';
import { resolveRange, type UsageQuery, type UsageQueryInput } from '@/lib/analytics/usage-query';

export const COUNTERS = ['messages', 'queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected', 'received', 'conversations'] as const;
export type Counter = (typeof COUNTERS)[number];
export type Totals = Record<Counter, number> & { cost: { amount: number; currency: string } };
export type UsageRow = Totals & { period: string } & Partial<Record<'subAccountId' | 'channel' | 'category' | 'country' | 'direction', string | null>>;
export type UsageReport = { timeZone: string; from: string; to: string; interval: UsageQuery['interval']; data: UsageRow[]; totals: Totals };

const GROUP_COLUMNS = { subAccount: 'subAccountId', channel: 'channel', category: 'category', country: 'country', direction: 'direction' } as const;

type Aggregated = Record<Counter | 'costMicros', number> & { period: string; [dimension: string]: string | number };

/**
 * Usage and cost over local days `from`..`to` (inclusive) in `timeZone`, per day, month or in total,
 * grouped by the chosen dimensions. Reads the rollups only: the account-local day table when the report
 * is in the account's zone; in another zone, the account days that lie wholly inside a period and the UTC
 * quarter hours (which line up with any zone's days) at its edges.
 */
export async function usageReport(db: Db, accountId: string, input: UsageQueryInput, now = new Date()): Promise<UsageReport> {
  return read(db, function* (t) {
    const account = yield* t.one<{ timeZone: string }>('SELECT "timeZone" FROM "Account" WHERE "id" = ?', accountId);
    if (!account) throw new NotFoundError('Account not found');
    const zone = input.timeZone ?? account.timeZone;
    const q = resolveRange(input, localDay(now, zone));
    const currency = yield* accountCurrency(t, accountId);
    const rows = zone === account.timeZone ? yield* fromDays(t, accountId, q) : yield* fromOtherZone(t, accountId, q, zone, account.timeZone);
    const groups = q.groupBy.map((g) => GROUP_COLUMNS[g]);
    const byKey = new Map<string, UsageRow & { costMicros: number }>();
    for (const r of rows) {
      const period = r.period;
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

function* accountCurrency(t: Tx, accountId: string): Step<string> {
  return (yield* t.one<{ currency: string }>('SELECT "currency" FROM "RateCardEntry" WHERE "accountId" = ? LIMIT 1', accountId))?.currency ?? 'USD';
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

const label = (q: UsageQuery, day: string) => (q.interval === 'total' ? `${q.from}/${q.to}` : q.interval === 'month' ? day.slice(0, 7) : day);

function* fromDays(t: Tx, accountId: string, q: UsageQuery): Step<Aggregated[]> {
  const f = filters(q);
  const rows = yield* t.all<Aggregated & { day: string }>(
    `SELECT "day", ${DIMENSIONS}, ${SUMS} FROM "MessageRollupDay"
     WHERE "accountId" = ? AND "day" >= ? AND "day" <= ?${f.sql} GROUP BY "day", ${DIMENSIONS}`,
    accountId,
    q.from,
    q.to,
    ...f.params,
  );
  for (const r of rows) r.period = label(q, r.day);
  return rows;
}

type Period = { label: string; start: Date; end: Date };

/** The report's periods in its zone, as instants: each local day, each month (cut to the range), or all of it. */
function periodsOf(q: UsageQuery, zone: string): Period[] {
  const periods: Period[] = [];
  for (let day = q.from; day <= q.to; day = nextDay(day)) {
    const name = label(q, day);
    const last = periods.at(-1);
    const end = startOfLocalDay(nextDay(day), zone);
    if (last && last.label === name) last.end = end;
    else periods.push({ label: name, start: startOfLocalDay(day, zone), end });
  }
  return periods;
}

function* fromOtherZone(t: Tx, accountId: string, q: UsageQuery, zone: string, accountZone: string): Step<Aggregated[]> {
  const f = filters(q);
  const out: Aggregated[] = [];
  const slots = function* (period: string, from: Date, to: Date): Step<void> {
    if (from >= to) return;
    const rows = yield* t.all<Aggregated>(
      `SELECT ${DIMENSIONS}, ${SUMS} FROM "MessageRollupSlot"
       WHERE "accountId" = ? AND "slot" >= ? AND "slot" < ?${f.sql} GROUP BY ${DIMENSIONS}`,
      accountId,
      quarterHour(from),
      quarterHour(to),
      ...f.params,
    );
    for (const r of rows) out.push({ ...r, period });
  };
  for (const p of periodsOf(q, zone)) {
    // Quarter hours line up with the period only if the zone's offsets are whole quarter hours.
    if (!isQuarterHourZone(zone, p.start) || !isQuarterHourZone(zone, p.end)) continue;
    // The account days wholly inside the period come from the day table; its edges from quarter hours.
    let first = localDay(p.start, accountZone);
    if (startOfLocalDay(first, accountZone) < p.start) first = nextDay(first);
    const last = previousDay(localDay(p.end, accountZone));
    if (first > last || !isQuarterHourZone(accountZone, p.start)) {
      yield* slots(p.label, p.start, p.end);
      continue;
    }
    const inner = { start: startOfLocalDay(first, accountZone), end: startOfLocalDay(nextDay(last), accountZone) };
    yield* slots(p.label, p.start, inner.start);
    const days = yield* t.all<Aggregated>(
      `SELECT ${DIMENSIONS}, ${SUMS} FROM "MessageRollupDay"
       WHERE "accountId" = ? AND "day" >= ? AND "day" <= ?${f.sql} GROUP BY ${DIMENSIONS}`,
      accountId,
      first,
      last,
      ...f.params,
    );
    for (const r of days) out.push({ ...r, period: p.label });
    yield* slots(p.label, inner.end, p.end);
  }
  return out;
}
