import { Prisma } from '@/lib/db/generated/client';
import type { IndexedFilter, LogsIndex } from '@/lib/messaging/logs/logs-indexes';
import type { LogsCursor } from '@/lib/messaging/logs/logs-cursor';
import type { LogsFilters } from '@/lib/messaging/logs/logs-query-schema';

// The Logs API's SQL. Plain SQL rather than findMany for two things Prisma cannot say: the keyset
// condition as a row value, ("createdAt", "id") < (?, ?), which SQLite turns into a range of the
// index (Prisma's OR form is a filter checked on every newer row: page 10,000 read 500,000 entries),
// and the index to walk (choose-logs-index.ts). The same on PostgreSQL but for `INDEXED BY`, which is
// SQLite's: there the index is always null (PostgreSQL keeps per-value statistics and picks its own).

type Equalities = Pick<LogsFilters, 'umid' | 'msisdn' | 'campaignId' | 'workflowId' | 'status' | 'country' | 'channel' | 'direction' | 'errorCode'>;

function equalities(f: Equalities): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.umid) where.push(Prisma.sql`"id" = ${f.umid}`);
  if (f.msisdn) where.push(Prisma.sql`"msisdn" = ${f.msisdn}`);
  if (f.campaignId) where.push(Prisma.sql`"campaignId" = ${f.campaignId}`);
  if (f.workflowId) where.push(Prisma.sql`"workflowId" = ${f.workflowId}`);
  if (f.status) where.push(Prisma.sql`"status" = ${f.status}`);
  if (f.country) where.push(Prisma.sql`"country" = ${f.country}`);
  if (f.channel) where.push(Prisma.sql`"channel" = ${f.channel}`);
  if (f.direction) where.push(Prisma.sql`"direction" = ${f.direction}`);
  // No index of its own: failures are few, so it is checked on the rows the other filters' index yields.
  if (f.errorCode !== undefined) where.push(Prisma.sql`"errorCode" = ${f.errorCode}`);
  return where;
}

/** The time range: from/to and, on later pages, strictly after the cursor in (createdAt, id) order. */
function range(f: Pick<LogsFilters, 'from' | 'to'>, cursor: LogsCursor | null): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.from) where.push(Prisma.sql`"createdAt" >= ${f.from}`);
  if (f.to) where.push(Prisma.sql`"createdAt" <= ${f.to}`);
  if (cursor) where.push(Prisma.sql`("createdAt", "id") < (${cursor.createdAt}, ${cursor.id})`);
  return where;
}

// Index names come from the fixed list in choose-logs-index.ts, never from the request; null on PostgreSQL.
const indexedBy = (index: LogsIndex | null) => (index ? Prisma.raw(`INDEXED BY "${index}"`) : Prisma.empty);

/** One page: the subaccount's messages matching every filter, newest first, after the cursor, `take` rows. */
export function buildLogsQuery(subAccountId: string, f: LogsFilters, cursor: LogsCursor | null, take: number, index: LogsIndex | null): Prisma.Sql {
  const where = [Prisma.sql`"subAccountId" = ${subAccountId}`, ...equalities(f), ...range(f, cursor)];
  return Prisma.sql`SELECT * FROM "Message" ${indexedBy(index)} WHERE ${Prisma.join(where, ' AND ')} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${take}`;
}

/** How many messages one filter's index range holds within the time range, counting no further than `cap`. */
export function buildLogsProbe(
  subAccountId: string,
  f: LogsFilters,
  cursor: LogsCursor | null,
  filter: IndexedFilter,
  index: LogsIndex,
  cap: number,
): Prisma.Sql {
  const where = [Prisma.sql`"subAccountId" = ${subAccountId}`, ...equalities({ [filter]: f[filter] }), ...range(f, cursor)];
  return Prisma.sql`SELECT count(*) AS "n" FROM (SELECT 1 FROM "Message" ${indexedBy(index)} WHERE ${Prisma.join(where, ' AND ')} LIMIT ${cap}) AS "probe"`;
}

/** How many messages match every filter, counting no further than `cap` (the Logs page's "n messages"). */
export function buildLogsCount(subAccountId: string, f: LogsFilters, index: LogsIndex | null, cap: number): Prisma.Sql {
  const where = [Prisma.sql`"subAccountId" = ${subAccountId}`, ...equalities(f), ...range(f, null)];
  return Prisma.sql`SELECT count(*) AS "n" FROM (SELECT 1 FROM "Message" ${indexedBy(index)} WHERE ${Prisma.join(where, ' AND ')} LIMIT ${cap}) AS "matches"`;
}
