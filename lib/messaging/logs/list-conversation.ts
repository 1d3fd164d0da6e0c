import type { Db } from '@/lib/db/client';
import { toApiMessage, type ApiMessage } from '@/lib/messaging/message-view';

/** The latest messages between a subaccount and one customer (every channel), oldest first: the Simulator's chat. */
export async function listConversation(db: Db, subAccountId: string, msisdn: string, limit = 60): Promise<ApiMessage[]> {
  const rows = await db.message.findMany({
    where: { subAccountId, msisdn },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  return rows.reverse().map(toApiMessage);
}
