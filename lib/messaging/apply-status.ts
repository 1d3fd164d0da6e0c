import type { Message, Prisma } from '@/lib/db/generated/client';
import { recordEvent } from '@/lib/events/record-event';
import type { Tx } from '@/lib/messaging/tx';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { isCswOpen, isFepOpen, openFepOnDelivery } from '@/lib/messaging/windows';
import { priceDeliveredMessage } from '@/lib/messaging/pricing/price-message';

export type StatusUpdate = {
  state: 'sent' | 'delivered' | 'read' | 'undelivered' | 'rejected';
  detail?: string | null;
  errorCode?: number | null;
  errorMessage?: string | null;
};

// Receipts can arrive out of order (a late "sent" after "delivered"); a message only moves forward,
// and undelivered/rejected are final.
const RANK: Record<string, number> = { queued: 0, sent: 1, delivered: 2, read: 3, undelivered: 9, rejected: 9 };

const DEFAULT_DETAIL: Record<string, string> = {
  sent: 'sent_to_channel',
  delivered: 'delivered_to_recipient',
  read: 'read_by_recipient',
  undelivered: 'rejected_by_operator',
  rejected: 'rejected_by_platform',
};

const NAMESPACE: Record<string, string> = { whatsapp: 'ChatApps', sms: 'SMS', voice: 'Voice' };

export function statusEventBody(m: Pick<Message, 'id' | 'subAccountId' | 'channel' | 'msisdn' | 'channelUserId' | 'clientMessageId'>, status: Record<string, Prisma.InputJsonValue>) {
  const namespace = NAMESPACE[m.channel] ?? 'ChatApps';
  return {
    namespace,
    eventType: 'outbound_message_status_changed',
    description: `${namespace} outbound message delivery receipt`,
    payload: {
      umid: m.id,
      subAccountId: m.subAccountId,
      channel: m.channel,
      user: { msisdn: m.msisdn, channelUserId: m.channelUserId },
      ...(m.clientMessageId ? { clientMessageId: m.clientMessageId } : {}),
      status,
    },
  };
}

/**
 * Moves an outbound message to a new state: stores it with its history, prices a delivered WhatsApp
 * message (opening the free entry point if a referral waits for this reply), and emits
 * outbound_message_status_changed, all in the caller's transaction. Returns false when ignored.
 */
export async function applyStatus(tx: Tx, messageId: string, update: StatusUpdate, at: Date = new Date()): Promise<boolean> {
  const m = await tx.message.findUnique({ where: { id: messageId } });
  if (!m || m.direction !== 'outbound') return false;
  const current = RANK[m.status] ?? 0;
  if (current >= 9 || (RANK[update.state] ?? 0) <= current) return false;

  const detail = update.detail ?? DEFAULT_DETAIL[update.state];
  let price: { priceMicros: number; currency: string } | null = null;
  if (update.state === 'delivered' || (update.state === 'read' && m.priceMicros == null)) {
    if (m.channel === 'whatsapp') {
      const w = await openFepOnDelivery(tx, { subAccountId: m.subAccountId, msisdn: m.msisdn, at });
      price = await priceDeliveredMessage(tx, {
        accountId: m.accountId,
        category: m.category,
        callingCode: parseMsisdn(m.msisdn).callingCode,
        inCsw: isCswOpen(w, at),
        inFep: isFepOpen(w, at),
        at,
      });
    } else {
      price = { priceMicros: 0, currency: 'USD' };
    }
  }

  await tx.message.update({
    where: { id: m.id },
    data: {
      status: update.state,
      statusDetail: detail,
      errorCode: update.errorCode ?? null,
      errorMessage: update.errorMessage ?? null,
      statusAt: at,
      ...(price ? { priceMicros: price.priceMicros, currency: price.currency } : {}),
    },
  });
  await tx.messageStatusChange.create({
    data: { messageId: m.id, state: update.state, detail, errorCode: update.errorCode ?? null, errorMessage: update.errorMessage ?? null, at },
  });
  const status: Record<string, Prisma.InputJsonValue> = {
    state: update.state,
    detail,
    timestamp: at.toISOString(),
    ...(update.errorCode != null ? { errorCode: update.errorCode, errorMessage: update.errorMessage ?? '' } : {}),
  };
  await recordEvent(tx, { accountId: m.accountId, subAccountId: m.subAccountId, eventType: 'outbound_message_status_changed', body: statusEventBody(m, status) });
  return true;
}
