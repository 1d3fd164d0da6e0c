import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { statusView, toApiMessage, type ApiMessage, type MessageStatusView } from '@/lib/messaging/message-view';

/** A message's current state by umid, or null when the account has no such message (another tenant's included). */
export async function getMessageStatus(db: Db, accountId: string, umid: string): Promise<MessageStatusView | null> {
  const m = await db.message.findFirst({
    where: { id: umid, accountId },
    select: { status: true, statusDetail: true, errorCode: true, errorMessage: true, statusAt: true },
  });
  return m ? statusView(m) : null;
}

/** One message of a subaccount, with its status history (404 for anything else). */
export async function getMessage(db: Db, subAccountId: string, umid: string): Promise<ApiMessage & { statusHistory: MessageStatusView[] }> {
  const m = await db.message.findFirst({ where: { id: umid, subAccountId } });
  if (!m) throw new NotFoundError(`Message '${umid}' not found`);
  const history = await db.messageStatusChange.findMany({ where: { messageId: umid }, orderBy: { id: 'asc' } });
  return {
    ...toApiMessage(m),
    statusHistory: history.map((h) => ({
      state: h.state,
      ...(h.detail ? { detail: h.detail } : {}),
      ...(h.errorCode != null ? { errorCode: h.errorCode } : {}),
      ...(h.errorMessage ? { errorMessage: h.errorMessage } : {}),
      timestamp: h.at.toISOString(),
    })),
  };
}
