import { z } from 'zod';
import { parseWith } from '@/lib/api/read-json';
import { ValidationError } from '@/lib/errors';
import { ianaZone } from '@/lib/automation/script/time-zones';
import { shiftDay } from '@/lib/time/zoned-time';

// The Reports API's query string (API.md "Reports"). Every value arrives as a string; a bad one is a 400
// naming it, and an unknown parameter is refused rather than silently ignored.

export const GROUP_BY = ['subAccount', 'channel', 'category', 'country', 'direction'] as const;
const PARAMS = ['from', 'to', 'interval', 'groupBy', 'subAccountId', 'channel', 'direction', 'timeZone', 'format'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (not 2026-02-30, not 2026-13-45). */
function isCalendarDay(d: string): boolean {
  if (!DAY.test(d)) return false;
  const at = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === d;
}

const localDate = z.string().refine(isCalendarDay, 'A calendar date such as 2026-12-05');

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

export const usageQuerySchema = z
  .object({
    from: localDate.optional(),
    to: localDate.optional(),
    interval: z.preprocess(lower, z.enum(['day', 'month', 'total'], { error: 'interval must be day, month or total' }).default('day')),
    groupBy: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const keys = (v ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean);
        const bad = keys.filter((k) => !(GROUP_BY as readonly string[]).includes(k));
        if (bad.length) {
          ctx.addIssue({ code: 'custom', message: `Unknown groupBy key(s) ${bad.join(', ')}; use ${GROUP_BY.join(', ')}` });
          return z.NEVER;
        }
        return [...new Set(keys)] as (typeof GROUP_BY)[number][];
      }),
    subAccountId: z.string().min(1).optional(),
    channel: z.preprocess(lower, z.enum(['whatsapp', 'sms', 'voice'], { error: "channel must be 'whatsapp', 'sms' or 'voice'" }).optional()),
    direction: z.preprocess(lower, z.enum(['inbound', 'outbound'], { error: "direction must be 'inbound' or 'outbound'" }).optional()),
    timeZone: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return undefined;
        const zone = v.trim().toUpperCase() === 'UTC' ? 'UTC' : ianaZone(v);
        if (!zone) {
          ctx.addIssue({ code: 'custom', message: 'An IANA (Asia/Singapore) or Windows (Singapore Standard Time) time zone' });
          return z.NEVER;
        }
        return zone;
      }),
    format: z.enum(['json', 'csv'], { error: "format must be 'json' or 'csv'" }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to must not be before from' });

type Parsed = z.infer<typeof usageQuerySchema>;
/** The query as code passes it (the parser's output; optional fields may be left out). */
export type UsageQueryInput = Pick<Parsed, 'interval' | 'groupBy'> & Partial<Omit<Parsed, 'interval' | 'groupBy'>>;
/** The parsed query with its range settled (defaults filled in by resolveRange). */
export type UsageQuery = Omit<UsageQueryInput, 'from' | 'to'> & { from: string; to: string };

export function parseUsageQuery(query: Record<string, string>): UsageQueryInput {
  const unknown = Object.keys(query).filter((k) => !(PARAMS as readonly string[]).includes(k));
  if (unknown.length) {
    throw new ValidationError(
      `Invalid parameter(s): ${unknown.map((k) => `'${k}'`).join(', ')}`,
      unknown.map((path) => ({ path, message: `Unknown parameter; the parameters are ${PARAMS.join(', ')}` })),
    );
  }
  return parseWith(usageQuerySchema, query);
}

const MAX_DAYS = 3 * 366;

/** The range in local days: given, or the last 30 days up to today in the zone. At most three years. */
export function resolveRange(q: UsageQueryInput, today: string): UsageQuery {
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  const from = q.from ?? shiftDay(to, -29);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_DAYS) throw new ValidationError('The range is at most three years', [{ path: 'from', message: 'At most three years between from and to' }]);
  return { ...q, from, to };
}
