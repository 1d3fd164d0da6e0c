import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { toApiMessage, type ApiMessage } from '@/lib/messaging/message-view';
import { decodeCursor, encodeCursor } from '@/lib/messaging/logs/logs-cursor';
import { parseLogsQuery } from '@/lib/messaging/logs/logs-query-schema';

export type LogsPage = { data: ApiMessage[]; nextCursor: string | null };

/**
 * The Logs API (GET /subaccounts/{id}/messages) and the Logs page: one subaccount's messages, newest
 * first, any combination of filters, keyset pagination on (createdAt, umid). `query` is the raw query
 * string as an object; bad values throw ValidationError.
 */
export async function listMessages(db: Db, subAccountId: string, query: unknown): Promise<LogsPage> {
  const q = parseLogsQuery(query);
  const where: Prisma.MessageWhereInput = { subAccountId };
  if (q.direction) where.direction = q.direction;
  if (q.msisdn) where.msisdn = q.msisdn;
  if (q.status) where.status = q.status;
  if (q.channel) where.channel = q.channel;
  if (q.country) where.country = q.country;
  if (q.umid) where.id = q.umid;
  if (q.from || q.to) where.createdAt = { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) };
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.AND = [{ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] }];
  }
  const rows = await db.message.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { data: page.map(toApiMessage), nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
