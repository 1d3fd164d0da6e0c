import { z } from 'zod';
import { parseWith } from '@/lib/api/read-json';
import { ValidationError } from '@/lib/errors';
import { parseMsisdn } from '@/lib/messaging/msisdn';

// The Logs API's query string (API.md: direction, msisdn, status, channel, country, umid, campaignId,
// workflowId, from, to, limit, cursor; and errorCode, which the Dashboard's top errors link with).
// Every value arrives as a string; a bad one is a 400 naming it, never a 500.

export const LOGS_PARAMS = [
  'direction',
  'msisdn',
  'status',
  'channel',
  'country',
  'umid',
  'campaignId',
  'workflowId',
  'errorCode',
  'from',
  'to',
  'limit',
  'cursor',
] as const;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|z|[+-]\d{2}:?\d{2})?$/;
const DATE_HELP = 'Must be an ISO 8601 date or date-time, e.g. 2025-11-10 or 2025-11-10T10:30:00Z';

// The instants the stored ISO text (years 0000-9999) compares correctly against.
const EARLIEST = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * An ISO 8601 date or date-time as an instant; null when it is not one. Date.parse alone is too lenient
 * for a filter: it takes "1" as 2001, "2025-02-30" as 2 March, "10000-01-01" (which stored text would
 * compare as earlier than any message) and a date-time without an offset as the server's local time.
 * Here a date is midnight UTC (or its last millisecond, for `endOfDay`) and a date-time without an
 * offset is UTC, like every timestamp the API returns.
 */
export function parseIsoInstant(text: string, endOfDay = false): Date | null {
  const date = DATE_ONLY.exec(text);
  const dt = date ? null : DATE_TIME.exec(text);
  const parts = date ?? dt;
  if (!parts) return null;
  const [y, mo, d, h, mi, s] = parts.slice(1, 7).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  let iso = `${parts[1]}-${parts[2]}-${parts[3]}T00:00:00.000Z`;
  if (dt) {
    const offset = !dt[8] || /z/i.test(dt[8]) ? 'Z' : dt[8].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59)) return null;
    const millis = (dt[7] ?? '').padEnd(3, '0').slice(0, 3);
    iso = `${dt[1]}-${dt[2]}-${dt[3]}T${dt[4]}:${dt[5]}:${String(s).padStart(2, '0')}.${millis}${offset}`;
  }
  const ms = Date.parse(iso) + (date && endOfDay ? 86_400_000 - 1 : 0);
  if (Number.isNaN(ms) || ms < EARLIEST || ms > LATEST) return null;
  return new Date(ms);
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

const instant = (endOfDay: boolean) =>
  z.string().transform((v, ctx) => {
    const at = parseIsoInstant(v.trim(), endOfDay);
    if (!at) {
      ctx.addIssue({ code: 'custom', message: DATE_HELP });
      return z.NEVER;
    }
    return at;
  });

// Enum values in any case, as the send and workflow APIs take them ("DELIVERED" is delivered).
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

export const logsQuerySchema = z
  .object({
    direction: z.preprocess(lower, z.enum(['inbound', 'outbound'], { error: "direction must be 'inbound' or 'outbound'" }).optional()),
    msisdn: z.string().optional(),
    // API.md lists the outbound states; inbound messages are 'received', and the Logs page filters on it.
    status: z.preprocess(
      lower,
      z
        .enum(['queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected', 'received'], {
          error: 'status must be queued, sent, delivered, read, undelivered, rejected or received',
        })
        .optional(),
    ),
    channel: z.preprocess(lower, z.enum(['whatsapp', 'sms', 'voice'], { error: "channel must be 'whatsapp', 'sms' or 'voice'" }).optional()),
    // Stored upper-case (lib/messaging/msisdn.ts); "us" is accepted as US.
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'country must be an ISO 3166 alpha-2 code such as US')
      .transform((c) => c.toUpperCase())
      .optional(),
    umid: z.string().min(1, 'umid must not be empty').max(100, 'umid is at most 100 characters').optional(),
    // The messages a campaign or a workflow run sent (Message.campaignId / workflowId).
    campaignId: z.string().min(1, 'campaignId must not be empty').max(100, 'campaignId is at most 100 characters').optional(),
    workflowId: z.string().min(1, 'workflowId must not be empty').max(100, 'workflowId is at most 100 characters').optional(),
    // The failed messages with this status.errorCode (1003, 131026, ...).
    errorCode: z
      .preprocess(
        (v) => (typeof v === 'number' ? String(v) : v),
        z
          .string()
          .regex(/^\d{1,9}$/, 'errorCode must be a whole number such as 131026')
          .transform(Number),
      )
      .optional(),
    from: instant(false).optional(),
    // A bare date as "to" means the whole of that day (the Logs page's date pickers send dates).
    to: instant(true).optional(),
    limit: z.coerce
      .number({ error: 'limit must be a number' })
      .int('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(500, 'limit must be at most 500')
      .default(50),
    cursor: z.string().max(200, 'Use the nextCursor of a previous page').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from.getTime() <= q.to.getTime(), { path: ['to'], message: 'to must not be before from' });

/** The parsed filters; msisdn is E.164 as stored. */
export type LogsFilters = Omit<z.infer<typeof logsQuerySchema>, 'msisdn'> & { msisdn?: string };

/**
 * Validates the query string. An unknown parameter is refused rather than ignored: a misspelt filter
 * ("stauts=undelivered") would otherwise answer with every message, as if it had matched.
 */
export function parseLogsQuery(query: unknown): LogsFilters {
  const known = new Set<string>(LOGS_PARAMS);
  const unknown = query && typeof query === 'object' ? Object.keys(query).filter((k) => !known.has(k)) : [];
  if (unknown.length) {
    throw new ValidationError(
      `Invalid parameter(s): ${unknown.map((k) => `'${k}'`).join(', ')}`,
      unknown.map((path) => ({ path, message: `Unknown parameter; the filters are ${LOGS_PARAMS.join(', ')}` })),
    );
  }
  const q = parseWith(logsQuerySchema, query ?? {});
  return { ...q, msisdn: q.msisdn ? parseMsisdn(q.msisdn, 'msisdn').e164 : undefined };
}
