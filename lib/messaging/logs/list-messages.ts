import type { Db } from '@/lib/db/client';
import type { Message } from '@/lib/db/generated/client';
import { toApiMessage, type ApiMessage } from '@/lib/messaging/message-view';
import { buildLogsQuery } from '@/lib/messaging/logs/build-logs-query';
import { chooseLogsIndex } from '@/lib/messaging/logs/choose-logs-index';
import { decodeCursor, encodeCursor } from '@/lib/messaging/logs/logs-cursor';
import { parseLogsQuery } from '@/lib/messaging/logs/logs-query-schema';

export type LogsPage = { data: ApiMessage[]; nextCursor: string | null };

/**
 * The Logs API (GET /subaccounts/{id}/messages) and the Logs page: one subaccount's messages, newest
 * first, any combination of filters, keyset pagination on (createdAt, umid) so that page 1,000 costs
 * what page 1 costs. `query` is the raw query string as an object; bad values throw ValidationError.
 */
export async function listMessages(db: Db, subAccountId: string, query: unknown): Promise<LogsPage> {
  const filters = parseLogsQuery(query);
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  const index = await chooseLogsIndex(db, subAccountId, filters, cursor);
  // One row more than the page tells whether there is a next page.
  const rows = await db.$queryRaw<Message[]>(buildLogsQuery(subAccountId, filters, cursor, filters.limit + 1, index));
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return { data: page.map(toApiMessage), nextCursor: rows.length > filters.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
