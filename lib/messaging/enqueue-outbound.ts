import type { Db } from '@/lib/db/client';
import { newTimeOrderedUuid, readDate } from '@/lib/db/sql';
import { LOCKING, read, type Step, type Tx, write } from '@/lib/db/tx';
import { wakeBackgroundTask } from '@/lib/jobs/wake';
import { claimBusinessConversation } from '@/lib/messaging/messaging-limit';
import { isCswOpen, readWindow } from '@/lib/messaging/windows';
import { findByClientId, insertJob, insertLaterRows, insertMessage, insertStatusChange, laterRows } from '@/lib/messaging/message-rows';
import type { SendBatch } from '@/lib/messaging/send-batch';
import type { ParsedMsisdn } from '@/lib/messaging/msisdn';
import { OPTED_OUT } from '@/lib/messaging/codes';
import { isOptedOut } from '@/lib/contacts/opt-out-rows';

export const OUTBOX_TASK = 'messaging-outbox';

export type SendOrigin = {
  workflowId?: string | null;
  campaignId?: string | null;
  /**
   * The producer's own rows, written first in the transaction that stores the message, so both commit
   * or neither (the runner stores a workflow's progress up to the step that sends); a throw refuses the
   * send. Not called when the send is refused before it reaches its transaction. On PostgreSQL the
   * transaction may run more than once: it changes nothing but the database.
   */
  alsoWrite?: (t: Tx) => Step<void>;
};

export type SendAccepted = { umid: string; clientMessageId: string | null; status: { state: 'queued'; timestamp: string } };

export type OutboundRow = {
  accountId: string;
  subAccountId: string;
  channelId: string | null;
  channel: 'whatsapp' | 'sms' | 'voice';
  to: ParsedMsisdn;
  type: string;
  content: unknown;
  rendered?: unknown;
  templateName?: string | null;
  templateLanguage?: string | null;
  category: string;
  clientMessageId?: string | null;
  origin?: SendOrigin;
};

function accepted(id: string, clientMessageId: string | null, createdAt: Date): SendAccepted {
  return { umid: id, clientMessageId, status: { state: 'queued', timestamp: createdAt.toISOString() } };
}

function* previousSend(t: Tx, subAccountId: string, clientMessageId: string, batch?: SendBatch): Step<SendAccepted | null> {
  const row = batch ? batch.stored.get(clientMessageId) : yield* findByClientId(t, subAccountId, clientMessageId);
  return row ? accepted(row.id, clientMessageId, readDate(row.createdAt)) : null;
}

/** The first send with this clientMessageId in the subaccount, if any (idempotency). */
export async function findByClientMessageId(db: Db, subAccountId: string, clientMessageId: string | null | undefined): Promise<SendAccepted | null> {
  if (!clientMessageId) return null;
  return read(db, (t) => previousSend(t, subAccountId, clientMessageId));
}

/**
 * Stores the message (queued), its first status and its outbox row in one transaction, so a crash
 * either loses the whole request (the caller got no umid) or keeps all of it; the outbox worker then
 * hands it to the channel provider. A duplicate clientMessageId gets the first umid. A template
 * outside the customer service window starts a business-initiated conversation, which counts against
 * the account's messaging-limit tier (a user already counted today is free).
 */
export async function enqueueOutbound(db: Db, row: OutboundRow): Promise<SendAccepted> {
  const result = await write(
    db,
    function* (t) {
      if (row.origin?.alsoWrite) yield* row.origin.alsoWrite(t);
      return yield* insertOutbound(t, row, new Date());
    },
    LOCKING,
  );
  if (result.queued) wakeBackgroundTask(OUTBOX_TASK);
  return result.accepted;
}

/**
 * enqueueOutbound's work inside the caller's write transaction, for producers that store many sends in
 * one (campaign dispatch). `queued` says whether a new message was stored (false: an earlier send with
 * the same clientMessageId); the caller wakes OUTBOX_TASK after its commit. Throws RateLimitError when
 * the messaging-limit tier is used up. A marketing template to a number that opted out is stored and
 * then rejected with 131050 by the outbox (so webhooks and campaign results see it like any outcome),
 * never handed to the provider and never counted against the tier. With `batch` (readSendBatch, for
 * the same subaccount and numbers) its reads come from the batch's instead of a statement each, and its
 * rows are kept in it for the caller to write (writeSendBatch) before its transaction commits.
 */
export function* insertOutbound(t: Tx, row: OutboundRow, now: Date, batch?: SendBatch): Step<{ accepted: SendAccepted; queued: boolean }> {
  const to = row.to.e164;
  if (batch && (batch.subAccountId !== row.subAccountId || batch.accountId !== row.accountId || !batch.numbers.has(to))) {
    throw new Error('a send outside the batch whose rows were read');
  }
  if (row.clientMessageId) {
    const previous = yield* previousSend(t, row.subAccountId, row.clientMessageId, batch);
    if (previous) return { accepted: previous, queued: false };
  }
  const id = newTimeOrderedUuid();
  const optedOut = row.category === 'marketing' && (batch ? batch.optedOut.has(to) : yield* isOptedOut(t, row.accountId, to));
  const businessInitiated =
    !optedOut &&
    row.channel === 'whatsapp' &&
    row.type === 'template' &&
    !isCswOpen(batch ? (batch.windows.get(to) ?? null) : yield* readWindow(t, row.subAccountId, to), now);
  if (businessInitiated) yield* claimBusinessConversation(t, { accountId: row.accountId, msisdn: to, at: now }, batch?.conversations);
  // The message, its first status and its outbox job: kept in the batch, or written together below.
  const later = batch?.later ?? laterRows();
  yield* insertMessage(
    t,
    {
      id,
      accountId: row.accountId,
      subAccountId: row.subAccountId,
      channelId: row.channelId,
      channel: row.channel,
      direction: 'outbound',
      msisdn: to,
      channelUserId: row.to.channelUserId,
      country: row.to.country,
      type: row.type,
      content: row.content,
      rendered: row.rendered ?? null,
      templateName: row.templateName ?? null,
      templateLanguage: row.templateLanguage ?? null,
      category: row.category,
      status: 'queued',
      statusAt: now,
      clientMessageId: row.clientMessageId ?? null,
      workflowId: row.origin?.workflowId ?? null,
      campaignId: row.origin?.campaignId ?? null,
      opensConversation: businessInitiated,
      createdAt: now,
    },
    later,
  );
  yield* insertStatusChange(t, { messageId: id, state: 'queued', at: now }, later);
  if (row.clientMessageId) batch?.stored.set(row.clientMessageId, { id, createdAt: now.toISOString() });
  if (optedOut) {
    const rejected = { state: 'rejected', detail: 'rejected_by_platform', errorCode: OPTED_OUT.code, errorMessage: OPTED_OUT.message };
    yield* insertJob(t, { messageId: id, kind: 'status', payload: rejected, dueAt: now }, later);
  } else {
    yield* insertJob(t, { messageId: id, kind: 'send', dueAt: now }, later);
  }
  if (!batch) yield* insertLaterRows(t, later);
  return { accepted: accepted(id, row.clientMessageId ?? null, now), queued: true };
}
