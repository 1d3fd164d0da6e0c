import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { newTimeOrderedUuid, sqlDate } from '@/lib/db/sql';
import { LOCKING, isWriteConflict, write } from '@/lib/db/tx';
import { appendEvent } from '@/lib/events/record-event';
import { lockConversation } from '@/lib/db/tx-locks';
import { logger } from '@/lib/log/logger';
import { inboundConsumers, type StoredInbound } from '@/lib/messaging/inbound-consumers';
import { findSubAccountCached } from '@/lib/messaging/cached-sub-account';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';
import { insertLaterRows, insertMessage, insertStatusChange, laterRows } from '@/lib/messaging/message-rows';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { RECEIVED } from '@/lib/messaging/codes';
import { isCswOpen, readWindow, touchWindowOnInbound } from '@/lib/messaging/windows';

export type InboundInput = {
  accountId: string;
  subAccountId: string;
  channel: 'whatsapp' | 'sms';
  msisdn: string;
  type: string;
  /** { text, ... }; a tapped reply button or list row adds { reply: { id, title } }. */
  content: Record<string, unknown>;
  timestamp?: Date;
  referral?: { sourceType: string } | null;
  /** The exact channel it arrived on (a carrier's webhook names it); else the subaccount's channel of this kind. */
  channelId?: string;
  /**
   * The carrier's id for the message: stored with it (CarrierMessage), so a redelivered webhook is
   * recognised and ignored. Needs channelId.
   */
  carrierId?: string;
};

/** `duplicate`: the carrier had delivered this message before; nothing was stored again (umid is the first one's). */
export type InboundResult = { umid: string; event: Record<string, unknown>; duplicate?: boolean };

function capitalize(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1).toLowerCase();
}

/**
 * A customer's message arrives (the sandbox network or, later, a carrier webhook): logged, the 24 h
 * window opened/refreshed (a referral arms the 72 h free entry point), inbound_message_received
 * recorded, and what each inbound consumer decides (the workflow instance it resumes or starts) written,
 * all in one transaction; then what they decided runs.
 */
export async function receiveInbound(db: Db, input: InboundInput): Promise<InboundResult> {
  const from = parseMsisdn(input.msisdn);
  let sub = await findSubAccountCached(db, input.accountId, input.subAccountId);
  // A channel added since the subaccount was cached is read fresh.
  if (input.channelId && !sub.channels.some((c) => c.id === input.channelId)) sub = await findSubAccount(db, input.accountId, input.subAccountId);
  const channelRow = (input.channelId ? sub.channels.find((c) => c.id === input.channelId) : sub.channels.find((c) => c.kind === input.channel)) ?? null;
  if (input.channelId && !channelRow) throw new NotFoundError(`Channel '${input.channelId}' not found`);
  const umid = newTimeOrderedUuid();
  const at = input.timestamp ?? new Date();
  const text = typeof input.content.text === 'string' ? input.content.text : '';
  const namespace = input.channel === 'sms' ? 'SMS' : 'ChatApps';
  const payload: Record<string, unknown> = {
    umid,
    subAccountId: sub.id,
    timestamp: at.toISOString(),
    user: { msisdn: from.e164, channelUserId: from.channelUserId },
    recipient: { channel: input.channel, channelId: channelRow?.id ?? null },
    type: capitalize(input.type),
    content: input.content,
    ...(input.referral ? { referral: input.referral } : {}),
  };
  if (input.channel === 'sms') Object.assign(payload, { source: from.e164, destination: channelRow?.address ?? null, text, receivedAt: at.toISOString() });
  const event = { namespace, eventType: 'inbound_message_received', payload };

  const stored: StoredInbound = {
    accountId: input.accountId,
    subAccountId: sub.id,
    channel: input.channel,
    channelId: channelRow?.id ?? null,
    umid,
    msisdn: from.e164,
    event,
  };
  const outcome = await write(
    db,
    function* (t) {
      // Before anything is read: the window, the waiting instance and the ticket are decided one message at a time.
      yield* lockConversation(t, sub.id, from.e164);
      if (input.carrierId && channelRow) {
        const first = yield* t.run(
          'INSERT INTO "CarrierMessage" ("channelId", "carrierId", "messageId", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT ("channelId", "carrierId") DO NOTHING',
          channelRow.id,
          input.carrierId,
          umid,
          sqlDate(new Date()),
        );
        if (!first) {
          const seen = yield* t.one<{ messageId: string }>(
            'SELECT "messageId" FROM "CarrierMessage" WHERE "channelId" = ? AND "carrierId" = ?',
            channelRow.id,
            input.carrierId,
          );
          return { duplicateOf: seen?.messageId ?? umid, followUps: [], failed: [] };
        }
      }
      // A customer message into a closed window opens a (service) conversation. Read once: the
      // conversation's lock keeps it as it is until the refresh below.
      const window = input.channel === 'whatsapp' ? yield* readWindow(t, sub.id, from.e164) : null;
      const opensConversation = input.channel === 'whatsapp' && !isCswOpen(window, at);
      // The message and its status in one statement on PostgreSQL (insertLaterRows), before anything reads it.
      const rows = laterRows();
      yield* insertMessage(
        t,
        {
          id: umid,
          accountId: input.accountId,
          subAccountId: sub.id,
          channelId: channelRow?.id ?? null,
          channel: input.channel,
          direction: 'inbound',
          msisdn: from.e164,
          channelUserId: from.channelUserId,
          country: from.country,
          type: input.type.toLowerCase(),
          content: input.content,
          status: RECEIVED,
          statusAt: at,
          referral: input.referral ?? null,
          opensConversation,
          createdAt: at,
        },
        rows,
      );
      yield* insertStatusChange(t, { messageId: umid, state: RECEIVED, at }, rows);
      yield* insertLaterRows(t, rows);
      if (input.channel === 'whatsapp')
        yield* touchWindowOnInbound(t, { subAccountId: sub.id, msisdn: from.e164, at, referral: !!input.referral, current: window });
      yield* appendEvent(t, { accountId: input.accountId, subAccountId: sub.id, eventType: 'inbound_message_received', body: event as Prisma.InputJsonValue });
      // What the message resumes or starts commits with it, so a crash cannot keep the one without the
      // other. A failing consumer must not lose the message: its part alone is rolled back (and logged
      // once committed: on PostgreSQL this body may run again).
      const followUps: { name: string; run: (db: Db) => Promise<unknown> }[] = [];
      const failed: { name: string; err: unknown }[] = [];
      for (const consumer of inboundConsumers()) {
        try {
          const run = yield* t.savepoint((s) => consumer.decide(s, stored));
          if (run) followUps.push({ name: consumer.name, run });
        } catch (err) {
          // A serialization conflict is the whole transaction's, not the consumer's: the body runs again.
          if (isWriteConflict(err)) throw err;
          failed.push({ name: consumer.name, err });
        }
      }
      return { duplicateOf: null, followUps, failed };
    },
    LOCKING,
  );
  for (const { name, err } of outcome.failed) logger.error({ err, umid, consumer: name }, 'an inbound consumer failed to decide; the message is kept');
  if (outcome.duplicateOf) return { umid: outcome.duplicateOf, event, duplicate: true };

  for (const followUp of outcome.followUps) {
    try {
      await followUp.run(db);
    } catch (err) {
      logger.error({ err, umid, consumer: followUp.name }, 'an inbound consumer failed to run what it decided');
    }
  }
  return { umid, event };
}

export type DtmfInput = { accountId: string; subAccountId: string; destination: string; dtmf: string; clientRequestId?: string | null };

/** A callee pressed keys during a sandbox voice call: logged, then handed to WaitForDTMF. */
export async function receiveDtmf(db: Db, input: DtmfInput): Promise<{ umid: string }> {
  if (!/^[0-9*#]{1,32}$/.test(input.dtmf)) {
    throw new ValidationError("Invalid parameter(s): 'dtmf'", [{ path: 'dtmf', message: 'Keys 0-9, * and # only (1 to 32 of them)' }]);
  }
  const callee = parseMsisdn(input.destination, 'destination');
  const sub = await findSubAccountCached(db, input.accountId, input.subAccountId);
  const umid = newTimeOrderedUuid();
  const at = new Date();
  await write(
    db,
    function* (t) {
      yield* insertMessage(t, {
        id: umid,
        accountId: input.accountId,
        subAccountId: sub.id,
        channelId: sub.channels.find((c) => c.kind === 'voice')?.id ?? null,
        channel: 'voice',
        direction: 'inbound',
        msisdn: callee.e164,
        channelUserId: callee.channelUserId,
        country: callee.country,
        type: 'dtmf',
        content: { dtmf: input.dtmf, clientRequestId: input.clientRequestId ?? null },
        status: RECEIVED,
        statusAt: at,
        createdAt: at,
      });
      yield* insertStatusChange(t, { messageId: umid, state: RECEIVED, at });
    },
    LOCKING,
  );
  for (const consumer of inboundConsumers()) {
    try {
      await consumer.dtmf?.(db, {
        accountId: input.accountId,
        subAccountId: sub.id,
        destination: callee.e164,
        dtmf: input.dtmf,
        clientRequestId: input.clientRequestId ?? null,
      });
    } catch (err) {
      logger.error({ err, umid, consumer: consumer.name }, 'an inbound consumer failed on a key press');
    }
  }
  return { umid };
}
