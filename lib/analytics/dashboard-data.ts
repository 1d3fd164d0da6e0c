import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parseWith } from '@/lib/api/read-json';
import { localDay } from '@/lib/analytics/rollup-rows';
import { COUNTERS, usageReport, type Totals, type UsageRow } from '@/lib/analytics/usage-report';
import { usageSummary, type UsageSummary } from '@/lib/analytics/usage-summary';
import { topErrors } from '@/lib/analytics/top-errors';
import { daysBetween, localRangeInstants, presetDays, RANGE_PRESETS, type RangePreset } from '@/lib/analytics/date-range';
import { errorMeaning } from '@/lib/messaging/error-catalog';
import { getAccountTimeZone } from '@/lib/tenancy/get-account-time-zone';

// The Dashboard's data in one call, from the rollups only (three reads of the day tables, whatever the
// number of messages): the headline numbers, the days, the top error codes and the split by subaccount
// and channel, over whole local days of the account's zone.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const localDate = z
  .string()
  .regex(DAY, 'A date such as 2026-12-05')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'Not a calendar date');

export const dashboardQuerySchema = z
  .object({
    range: z.enum(RANGE_PRESETS, { error: 'Choose a date range' }).default('7d'),
    from: localDate.optional(),
    to: localDate.optional(),
    subAccountId: z.string().min(1).optional(),
    channel: z.enum(['whatsapp', 'sms', 'voice'], { error: 'Choose WhatsApp, SMS or voice' }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'The end date must not be before the start date' });

export type DashboardQuery = z.input<typeof dashboardQuerySchema>;

export type DayPoint = { day: string; delivered: number; read: number; undelivered: number; rejected: number; sent: number; queued: number; received: number };
export type ErrorPoint = { errorCode: number; messages: number; title: string; meaning: string | null };
export type SplitRow = Pick<UsageRow, 'subAccountId' | 'channel'> & Totals;

export type DashboardData = {
  timeZone: string;
  range: RangePreset;
  from: string;
  to: string;
  /** The instants the local days span: the Logs page's from and to for every number here. */
  instants: { from: string; to: string };
  subAccountId: string | null;
  channel: string | null;
  summary: UsageSummary;
  days: DayPoint[];
  topErrors: ErrorPoint[];
  bySubAccount: SplitRow[];
  byChannel: SplitRow[];
};

/** Empty values (an unset select) are left out, so "?channel=" means any channel. */
function present(raw: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Record<string, string>;
}

export async function dashboardData(db: Db, accountId: string, raw: Record<string, string | undefined>, now = new Date()): Promise<DashboardData> {
  const q = parseWith(dashboardQuerySchema, present(raw));
  const zone = await getAccountTimeZone(db, accountId);
  const { from, to } = presetDays(q.range, localDay(now, zone), { from: q.from, to: q.to });
  const scope = { subAccountId: q.subAccountId, channel: q.channel };
  const [summary, report, errors] = await Promise.all([
    usageSummary(db, accountId, { from, to, ...scope }, now),
    usageReport(db, accountId, { from, to, ...scope, interval: 'day', groupBy: ['subAccount', 'channel'] }, now),
    topErrors(db, accountId, { from, to, ...scope, limit: 8 }),
  ]);
  return {
    timeZone: report.timeZone,
    range: q.range,
    from,
    to,
    instants: localRangeInstants(from, to, report.timeZone),
    subAccountId: q.subAccountId ?? null,
    channel: q.channel ?? null,
    summary,
    days: dayPoints(report.data, from, to),
    topErrors: errors.map((e) => {
      const known = errorMeaning(e.errorCode);
      return { ...e, title: known?.title ?? `Error ${e.errorCode}`, meaning: known?.meaning ?? null };
    }),
    bySubAccount: split(report.data, 'subAccountId'),
    byChannel: split(report.data, 'channel'),
  };
}

/** One point per local day, days without messages included (a gap in a chart reads as missing data). */
function dayPoints(rows: UsageRow[], from: string, to: string): DayPoint[] {
  const byDay = new Map<string, DayPoint>(
    daysBetween(from, to).map((day) => [day, { day, delivered: 0, read: 0, undelivered: 0, rejected: 0, sent: 0, queued: 0, received: 0 }]),
  );
  for (const r of rows) {
    const p = byDay.get(r.period);
    if (!p) continue;
    for (const k of ['delivered', 'read', 'undelivered', 'rejected', 'sent', 'queued', 'received'] as const) p[k] += r[k];
  }
  return [...byDay.values()];
}

/** The rows summed over the days by one key, busiest first. */
function split(rows: UsageRow[], key: 'subAccountId' | 'channel'): SplitRow[] {
  const out = new Map<string, SplitRow>();
  for (const r of rows) {
    const k = r[key] ?? '';
    let s = out.get(k);
    if (!s) {
      s = { [key]: k, ...zeroLike(r) } as SplitRow;
      out.set(k, s);
    }
    for (const c of COUNTERS) s[c] += r[c];
    // In micros, as the rollups keep it, so the sum is exact.
    s.cost = { amount: Math.round(s.cost.amount * 1_000_000 + r.cost.amount * 1_000_000) / 1_000_000, currency: r.cost.currency };
  }
  return [...out.values()].sort((a, b) => b.messages - a.messages || String(a[key]).localeCompare(String(b[key])));
}

function zeroLike(r: UsageRow): Totals {
  return { ...(Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<(typeof COUNTERS)[number], number>), cost: { amount: 0, currency: r.cost.currency } };
}
