import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { parseWith } from '@/lib/api/read-json';
import { ValidationError } from '@/lib/errors';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { toApiMessage, type ApiMessage } from '@/lib/messaging/message-view';

// The Logs API: one subaccount's messages, newest first, any filter combination, keyset pagination on
// (createdAt, umid) so page 1,000 costs what page 1 costs. Every single filter has an index
// (subAccountId, <filter>, createdAt, id) in prisma/schema/messaging.prisma.

const isoDate = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'Must be an ISO 8601 date, e.g. 2025-11-10 or 2025-11-10T10:30:00Z')
  .transform((v) => new Date(v));

export const logsQuerySchema = z.object({
  direction: z.enum(['inbound', 'outbound'], { error: "direction must be 'inbound' or 'outbound'" }).optional(),
  msisdn: z.string().optional(),
  status: z.enum(['queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected', 'received'], { error: 'status must be queued, sent, delivered, read, undelivered, rejected or received' }).optional(),
  channel: z.enum(['whatsapp', 'sms', 'voice'], { error: "channel must be 'whatsapp', 'sms' or 'voice'" }).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'country must be an ISO 3166 alpha-2 code such as US')
    .transform((c) => c.toUpperCase())
    .optional(),
  umid: z.string().max(100).optional(),
  from: isoDate.optional(),
  // A bare date as "to" means the whole of that day (the Logs page's date pickers send dates).
  to: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'Must be an ISO 8601 date, e.g. 2025-11-10 or 2025-11-10T10:30:00Z')
    .transform((v) => new Date(Date.parse(v) + (/^\d{4}-\d{2}-\d{2}$/.test(v) ? 86_400_000 - 1 : 0)))
    .optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be at least 1').max(500, 'limit must be at most 500').default(50),
  cursor: z.string().max(200).optional(),
});

export type LogsQuery = z.input<typeof logsQuerySchema>;
export type LogsPage = { data: ApiMessage[]; nextCursor: string | null };

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.getTime()}:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [ms, ...rest] = Buffer.from(cursor, 'base64url').toString().split(':');
  const id = rest.join(':');
  if (!/^\d+$/.test(ms ?? '') || !id) throw new ValidationError("Invalid parameter(s): 'cursor'", [{ path: 'cursor', message: 'Use the nextCursor of a previous page' }]);
  return { createdAt: new Date(Number(ms)), id };
}

export function buildLogsWhere(subAccountId: string, q: z.infer<typeof logsQuerySchema>): Prisma.MessageWhereInput {
  const where: Prisma.MessageWhereInput = { subAccountId };
  if (q.direction) where.direction = q.direction;
  if (q.msisdn) where.msisdn = parseMsisdn(q.msisdn, 'msisdn').e164;
  if (q.status) where.status = q.status;
  if (q.channel) where.channel = q.channel;
  if (q.country) where.country = q.country;
  if (q.umid) where.id = q.umid;
  if (q.from || q.to) where.createdAt = { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) };
  return where;
}

export async function listMessages(db: Db, subAccountId: string, query: unknown): Promise<LogsPage> {
  const q = parseWith(logsQuerySchema, query);
  const where = buildLogsWhere(subAccountId, q);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.AND = [{ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] }];
  }
  const rows = await db.message.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { data: page.map(toApiMessage), nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
