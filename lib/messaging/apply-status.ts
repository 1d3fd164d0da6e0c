import type { Message, Prisma } from '@/lib/db/generated/client';
import { readDate, sqlDate } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
import { appendEvent } from '@/lib/events/record-event';
import { locking } from '@/lib/db/tx-locks';
import { insertStatusChange } from '@/lib/messaging/message-rows';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { isCswOpen, isFepOpen, openFepOnDelivery } from '@/lib/messaging/windows';
import { priceDeliveredMessage } from '@/lib/messaging/pricing/price-message';
import { notifyStatusListeners } from '@/lib/messaging/status-listeners';
import { countStatusChange } from '@/lib/analytics/rollup-rows';

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

export function statusEventBody(
  m: Pick<Message, 'id' | 'subAccountId' | 'channel' | 'msisdn' | 'channelUserId' | 'clientMessageId'>,
  status: Record<string, Prisma.InputJsonValue>,
) {
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

type MessageForStatus = Pick<
  Message,
  | 'id'
  | 'accountId'
  | 'subAccountId'
  | 'channel'
  | 'direction'
  | 'status'
  | 'category'
  | 'priceMicros'
  | 'msisdn'
  | 'channelUserId'
  | 'clientMessageId'
  | 'campaignId'
  | 'country'
> & { createdAt: string };

/**
 * Moves an outbound message to a new state: stores it with its history, prices a delivered WhatsApp
 * message (opening the free entry point if a referral waits for this reply), and emits
 * outbound_message_status_changed, all in the caller's write transaction. Returns false when ignored.
 */
const MESSAGE_FOR_STATUS = locking(
  'SELECT "id", "accountId", "subAccountId", "channel", "direction", "status", "category", "priceMicros", "msisdn", "channelUserId", "clientMessageId", "campaignId", "country", "createdAt" FROM "Message" WHERE "id" = ?',
);

export function* applyStatus(t: Tx, messageId: string, update: StatusUpdate, at: Date = new Date()): Step<boolean> {
  const m = yield* t.one<MessageForStatus>(MESSAGE_FOR_STATUS[t.dialect], messageId);
  if (m?.direction !== 'outbound') return false;
  const current = RANK[m.status] ?? 0;
  if (current >= 9 || (RANK[update.state] ?? 0) <= current) return false;

  const detail = update.detail ?? DEFAULT_DETAIL[update.state];
  let price: { priceMicros: number; currency: string } | null = null;
  if (update.state === 'delivered' || (update.state === 'read' && m.priceMicros == null)) {
    if (m.channel === 'whatsapp') {
      const w = yield* openFepOnDelivery(t, { subAccountId: m.subAccountId, msisdn: m.msisdn, at });
      price = yield* priceDeliveredMessage(t, {
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

  yield* t.run(
    `UPDATE "Message" SET "status" = ?, "statusDetail" = ?, "errorCode" = ?, "errorMessage" = ?, "statusAt" = ?,
       "priceMicros" = COALESCE(?, "priceMicros"), "currency" = COALESCE(?, "currency") WHERE "id" = ?`,
    update.state,
    detail,
    update.errorCode ?? null,
    update.errorMessage ?? null,
    sqlDate(at),
    price?.priceMicros ?? null,
    price?.currency ?? null,
    m.id,
  );
  yield* insertStatusChange(t, { messageId: m.id, state: update.state, detail, errorCode: update.errorCode, errorMessage: update.errorMessage, at });
  yield* countStatusChange(t, {
    ...m,
    createdAt: readDate(m.createdAt),
    from: m.status,
    to: update.state,
    // The price is set once (COALESCE above): only the first priced change adds it.
    addedCostMicros: m.priceMicros == null ? (price?.priceMicros ?? 0) : 0,
    errorCode: update.errorCode ?? null,
  });
  const status: Record<string, Prisma.InputJsonValue> = {
    state: update.state,
    detail,
    timestamp: at.toISOString(),
    ...(update.errorCode != null ? { errorCode: update.errorCode, errorMessage: update.errorMessage ?? '' } : {}),
  };
  yield* appendEvent(
    t,
    { accountId: m.accountId, subAccountId: m.subAccountId, eventType: 'outbound_message_status_changed', body: statusEventBody(m, status) },
    at,
  );
  yield* notifyStatusListeners(t, {
    messageId: m.id,
    accountId: m.accountId,
    subAccountId: m.subAccountId,
    clientMessageId: m.clientMessageId,
    campaignId: m.campaignId,
    from: m.status,
    to: update.state,
    errorCode: update.errorCode ?? null,
    errorMessage: update.errorMessage ?? null,
    at,
  });
  return true;
}
