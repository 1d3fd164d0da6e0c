import type { Db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { statusView, type ApiMessage } from '@/lib/messaging/message-view';

export type MessageStatusUpdate = Pick<ApiMessage, 'umid' | 'status' | 'price'>;

/** At most this many per call: the rows on a screen, not a whole log. */
export const MAX_STATUS_IDS = 200;

/**
 * The current status and price of the account's messages among `umids` (the Logs page's visible rows,
 * polled so a receipt shows without a reload). Ids of other accounts are left out, as unknown ones are.
 */
export async function getMessageStatuses(db: Db, accountId: string, umids: string[]): Promise<MessageStatusUpdate[]> {
  if (umids.length > MAX_STATUS_IDS) {
    throw new ValidationError(`At most ${MAX_STATUS_IDS} messages at a time`, [{ path: 'umid', message: `At most ${MAX_STATUS_IDS} ids` }]);
  }
  if (umids.length === 0) return [];
  const rows = await db.message.findMany({
    where: { accountId, id: { in: [...new Set(umids)] } },
    select: { id: true, status: true, statusDetail: true, errorCode: true, errorMessage: true, statusAt: true, priceMicros: true, currency: true },
  });
  return rows.map((m) => ({
    umid: m.id,
    status: statusView(m),
    price: m.priceMicros != null ? { amount: m.priceMicros / 1_000_000, currency: m.currency ?? 'USD' } : null,
  }));
}
