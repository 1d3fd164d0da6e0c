import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parseWith } from '@/lib/api/read-json';
import { localDay } from '@/lib/analytics/rollup-rows';
import { presetDays, RANGE_PRESETS, type RangePreset } from '@/lib/analytics/date-range';
import { GROUP_BY } from '@/lib/analytics/usage-query';
import { usageReport, type UsageReport } from '@/lib/analytics/usage-report';
import { getAccountTimeZone } from '@/lib/tenancy/get-account-time-zone';

// The Reports page's query (URL) and its report: a preset or custom range of local days in the
// account's zone, day or month periods, at most one grouping, and the subaccount and channel filters.
// The export reads the same query, so the CSV is the table on the screen, whatever its size.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const localDate = z
  .string()
  .regex(DAY, 'A date such as 2026-12-05')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'Not a calendar date');

export const reportQuerySchema = z
  .object({
    range: z.enum(RANGE_PRESETS, { error: 'Choose a date range' }).default('30d'),
    from: localDate.optional(),
    to: localDate.optional(),
    interval: z.enum(['day', 'month'], { error: 'Choose daily or monthly' }).default('day'),
    groupBy: z.enum(GROUP_BY, { error: 'Group by subaccount, channel, category, country or direction' }).optional(),
    subAccountId: z.string().min(1).optional(),
    channel: z.enum(['whatsapp', 'sms', 'voice'], { error: 'Choose WhatsApp, SMS or voice' }).optional(),
    direction: z.enum(['inbound', 'outbound'], { error: 'Choose inbound or outbound' }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'The end date must not be before the start date' });

export type ReportQuery = z.output<typeof reportQuerySchema>;
export type ReportView = { query: ReportQuery & { range: RangePreset; from: string; to: string }; report: UsageReport };

export const REPORT_PARAMS = ['range', 'from', 'to', 'interval', 'groupBy', 'subAccountId', 'channel', 'direction'] as const;

/** The page's parameters that are set (an unset select sends an empty value), unknown ones left out. */
export function reportParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of REPORT_PARAMS) {
    const v = raw[k];
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  }
  return out;
}

/** The report the Reports page shows (and exports) for its URL parameters. */
export async function reportView(db: Db, accountId: string, raw: Record<string, string | string[] | undefined>, now = new Date()): Promise<ReportView> {
  const q = parseWith(reportQuerySchema, reportParams(raw));
  const zone = await getAccountTimeZone(db, accountId);
  const { from, to } = presetDays(q.range, localDay(now, zone), { from: q.from, to: q.to });
  const report = await usageReport(
    db,
    accountId,
    {
      from,
      to,
      interval: q.interval,
      groupBy: q.groupBy ? [q.groupBy] : [],
      subAccountId: q.subAccountId,
      channel: q.channel,
      direction: q.direction,
    },
    now,
  );
  return { query: { ...q, from, to }, report };
}
