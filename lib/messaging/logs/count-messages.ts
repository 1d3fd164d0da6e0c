import type { Db } from '@/lib/db/client';
import { buildLogsCount } from '@/lib/messaging/logs/build-logs-query';
import { chooseLogsIndex } from '@/lib/messaging/logs/choose-logs-index';
import { countFromRollups } from '@/lib/messaging/logs/count-from-rollups';
import { logsFilterQuery, logsSubAccounts, type AccountLogsQuery } from '@/lib/messaging/logs/list-account-messages';
import { parseLogsQuery } from '@/lib/messaging/logs/logs-query-schema';

/** Counting the messages themselves stops here; past it the rollups answer, or the count says "at least". */
export const COUNT_CAP = 10_000;

export type LogsCount = { count: number; atLeast: boolean };

/**
 * How many messages the Logs page's filters match (its "n messages"). The matching messages are
 * counted, through the same index and conditions as the listing, up to COUNT_CAP; a larger set is
 * counted from the rollups when its filters allow (the Dashboard's links always do), else it is
 * "at least COUNT_CAP".
 */
export async function countMessages(db: Db, accountId: string, query: AccountLogsQuery, cap = COUNT_CAP): Promise<LogsCount> {
  const subs = await logsSubAccounts(db, accountId, query.subAccountId);
  const filters = parseLogsQuery({ ...logsFilterQuery(query), cursor: undefined });
  let count = 0;
  for (const sub of subs) {
    const index = await chooseLogsIndex(db, sub, filters, null);
    const [{ n }] = await db.$queryRaw<[{ n: number | bigint }]>(buildLogsCount(sub, filters, index, cap - count));
    count += Number(n);
    if (count >= cap) break;
  }
  if (count < cap) return { count, atLeast: false };
  const exact = await countFromRollups(db, accountId, subs, filters);
  return exact === null ? { count: cap, atLeast: true } : { count: exact, atLeast: false };
}
