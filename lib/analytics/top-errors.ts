import type { Db } from '@/lib/db/client';
import { read } from '@/lib/db/tx';

export type ErrorCount = { errorCode: number; messages: number };

/** Failed messages by error code over local days `from`..`to` (account zone), most frequent first. */
export async function topErrors(
  db: Db,
  accountId: string,
  q: { from: string; to: string; subAccountId?: string; channel?: string; limit?: number },
): Promise<ErrorCount[]> {
  return read(db, (t) =>
    t.all<ErrorCount>(
      `SELECT "errorCode", SUM("messages") AS "messages" FROM "MessageErrorRollupDay"
       WHERE "accountId" = ? AND "day" >= ? AND "day" <= ?${q.subAccountId ? ' AND "subAccountId" = ?' : ''}${q.channel ? ' AND "channel" = ?' : ''}
       GROUP BY "errorCode" ORDER BY "messages" DESC, "errorCode" LIMIT ?`,
      accountId,
      q.from,
      q.to,
      ...(q.subAccountId ? [q.subAccountId] : []),
      ...(q.channel ? [q.channel] : []),
      q.limit ?? 10,
    ),
  );
}
