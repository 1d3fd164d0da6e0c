import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { listMessages, type LogsPage } from '@/lib/messaging/logs/list-messages';
import { encodeCursor } from '@/lib/messaging/logs/logs-cursor';
import { parseLogsQuery } from '@/lib/messaging/logs/logs-query-schema';

export type AccountLogsQuery = Record<string, string | undefined> & { subAccountId?: string };

/** The account's subaccounts the query covers: the one named (404 when it is not the account's), or all. */
export async function logsSubAccounts(db: Db, accountId: string, subAccountId: string | undefined): Promise<string[]> {
  const subs = await db.subAccount.findMany({ where: { accountId }, select: { id: true }, orderBy: { id: 'asc' } });
  const ids = subs.map((s) => s.id);
  if (!subAccountId) return ids;
  if (!ids.includes(subAccountId)) throw new NotFoundError(`Subaccount '${subAccountId}' not found`);
  return [subAccountId];
}

/** The query without empty values (an unset select of the Logs page) and without subAccountId. */
export function logsFilterQuery(query: AccountLogsQuery): Record<string, string> {
  const { subAccountId: _sub, ...rest } = query;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Record<string, string>;
}

/**
 * The Logs page: the account's messages with the Logs API's filters, in one subaccount or across all
 * of them. Across subaccounts, each one's page (an index range, as in listMessages) is read and the
 * pages are merged newest first; the cursor is a (createdAt, umid) position, which means the same in
 * every subaccount, so the next page continues each of them where the merged page stopped.
 */
export async function listAccountMessages(db: Db, accountId: string, query: AccountLogsQuery): Promise<LogsPage> {
  const subs = await logsSubAccounts(db, accountId, query.subAccountId);
  const filters = logsFilterQuery(query);
  if (subs.length === 1) return listMessages(db, subs[0]!, filters);
  const { limit } = parseLogsQuery(filters);
  const pages = await Promise.all(subs.map((sub) => listMessages(db, sub, filters)));
  const merged = pages
    .flatMap((p) => p.data)
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.umid < b.umid ? 1 : a.umid > b.umid ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1));
  const data = merged.slice(0, limit);
  const more = merged.length > limit || pages.some((p) => p.nextCursor);
  const last = data.at(-1);
  return { data, nextCursor: more && last ? encodeCursor(new Date(last.createdAt), last.umid) : null };
}
