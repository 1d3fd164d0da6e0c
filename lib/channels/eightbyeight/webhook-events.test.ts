import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { logger } from '@/lib/log/logger';
import { createOtherTenant, seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { call, msgUrl } from '@/test/messaging-helpers';
import { POST as SEND } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import { processOutbox, settleOutbox } from '@/lib/messaging/process-outbox';
import { sendSms } from '@/lib/messaging/send-sms';
import { TokenBuckets } from '@/lib/messaging/token-bucket';
import { startFake8x8, type Fake8x8 } from '@/test/fake-8x8/fake-8x8-server';
import { createEightByEightChannels, EBE, inboundEvent, postWebhook, runOutbox, statusEvent, useFake8x8 } from '@/test/fake-8x8/eight-by-eight-fixtures';

// 8x8's inbound messages and delivery receipts go through the sandbox's pipeline; they may come twice
// and in any order, and a receipt can outrun the answer to the send it is about.
let fake: Fake8x8;
const CUSTOMER = '+15551234001';

beforeAll(async () => {
  await seedDemoTenant();
  await createEightByEightChannels();
  // Events are stored for subscribers only.
  await subscribeWebhook(['inbound_message_received', 'outbound_message_status_changed']);
  fake = await startFake8x8();
  useFake8x8(fake);
});
afterEach(() => {
  fake.respond();
  vi.restoreAllMocks();
});
afterAll(() => fake.close());

const history = async (umid: string) => (await db.messageStatusChange.findMany({ where: { messageId: umid }, orderBy: { id: 'asc' } })).map((h) => h.state);

/** A freeform text sent through the API and handed to the fake 8x8, which answers with `carrierId`. */
async function sentText(carrierId: string): Promise<string> {
  fake.respond((r) =>
    r.method === 'POST'
      ? { body: { umid: carrierId, clientMessageId: (r.body as { clientMessageId: string }).clientMessageId, status: { state: 'queued' } } }
      : undefined,
  );
  const res = await call(
    SEND,
    'POST',
    msgUrl(EBE.subAccountId),
    { subAccountId: EBE.subAccountId },
    { user: { msisdn: CUSTOMER }, type: 'text', content: { text: 'Your order shipped' } },
  );
  expect(res.status).toBe(200);
  await runOutbox();
  return res.json.umid;
}

describe('inbound_message_received from 8x8', () => {
  it('stores the message on the channel, opens the window and records the event; a redelivery is answered 200 and ignored', async () => {
    const body = inboundEvent('8x8-in-1', CUSTOMER, 'Complete My Order');
    const first = await postWebhook(EBE.whatsapp, body);
    expect(first.status).toBe(200);
    expect(first.json.duplicate).toBe(false);
    const m = await db.message.findUniqueOrThrow({ where: { id: first.json.umid } });
    expect(m).toMatchObject({
      direction: 'inbound',
      channel: 'whatsapp',
      channelId: EBE.whatsapp,
      subAccountId: EBE.subAccountId,
      msisdn: CUSTOMER,
      type: 'text',
      status: 'received',
    });
    expect(m.content).toEqual({ text: 'Complete My Order' });
    expect(await db.conversationWindow.count({ where: { subAccountId: EBE.subAccountId, msisdn: CUSTOMER } })).toBe(1);
    const events = await db.event.findMany({ where: { subAccountId: EBE.subAccountId, eventType: 'inbound_message_received' } });
    expect(events.map((e) => (e.body as { payload: { umid: string } }).payload.umid)).toContain(m.id);

    const again = await postWebhook(EBE.whatsapp, body);
    expect(again).toEqual({ status: 200, json: { umid: m.id, duplicate: true } });
    expect(await db.message.count({ where: { subAccountId: EBE.subAccountId, direction: 'inbound', msisdn: CUSTOMER } })).toBe(1);
    expect(await db.event.count({ where: { subAccountId: EBE.subAccountId, eventType: 'inbound_message_received' } })).toBe(events.length);
  });

  it('takes 8x8’s SMS form (source, destination, text) on the SMS channel', async () => {
    const res = await postWebhook(EBE.sms, {
      namespace: 'SMS',
      eventType: 'inbound_message_received',
      payload: {
        umid: '8x8-sms-in-1',
        subAccountId: EBE.credentials.subAccountId,
        source: '+6591112222',
        destination: EBE.smsAddress,
        text: 'STOP',
        receivedAt: '2025-11-09T14:35:01.000Z',
      },
    });
    expect(res.status).toBe(200);
    expect(await db.message.findUniqueOrThrow({ where: { id: res.json.umid } })).toMatchObject({
      channel: 'sms',
      channelId: EBE.sms,
      msisdn: '+6591112222',
      content: { text: 'STOP' },
    });
  });

  it('out of order: an older message arriving after a newer one is stored with its own time and does not shorten the window', async () => {
    const customer = '+15551234009';
    const newer = new Date(Date.now() - 60_000).toISOString();
    const older = new Date(Date.now() - 3_600_000).toISOString();
    await postWebhook(EBE.whatsapp, inboundEvent('8x8-in-newer', customer, 'second', { timestamp: newer }));
    const late = await postWebhook(EBE.whatsapp, inboundEvent('8x8-in-older', customer, 'first', { timestamp: older }));
    expect((await db.message.findUniqueOrThrow({ where: { id: late.json.umid } })).createdAt.toISOString()).toBe(older);
    const w = await db.conversationWindow.findUniqueOrThrow({ where: { subAccountId_msisdn: { subAccountId: EBE.subAccountId, msisdn: customer } } });
    expect(w.cswExpiresAt!.getTime()).toBe(Date.parse(newer) + 24 * 3_600_000);
  });

  it('the same 8x8 umid on two channels is two messages (ids are per channel)', async () => {
    await postWebhook(EBE.sms, { namespace: 'SMS', eventType: 'inbound_message_received', payload: { umid: 'shared-1', source: '+6591112223', text: 'a' } });
    const wa = await postWebhook(EBE.whatsapp, inboundEvent('shared-1', CUSTOMER, 'b'));
    expect(wa.json.duplicate).toBe(false);
  });
});

describe('outbound_message_status_changed from 8x8', () => {
  it('applies receipts in any order: a late "sent" after "delivered" changes nothing; redelivered ones neither', async () => {
    const umid = await sentText('8x8-out-1');
    expect((await postWebhook(EBE.whatsapp, statusEvent('8x8-out-1', 'delivered'))).json).toEqual({ umid, applied: true });
    expect((await postWebhook(EBE.whatsapp, statusEvent('8x8-out-1', 'sent'))).json).toEqual({ umid, applied: false });
    expect((await postWebhook(EBE.whatsapp, statusEvent('8x8-out-1', 'read'))).json).toEqual({ umid, applied: true });
    expect((await postWebhook(EBE.whatsapp, statusEvent('8x8-out-1', 'read'))).json).toEqual({ umid, applied: false });
    expect((await postWebhook(EBE.whatsapp, statusEvent('8x8-out-1', 'queued'))).status).toBe(200);
    expect(await history(umid)).toEqual(['queued', 'delivered', 'read']);
    const m = await db.message.findUniqueOrThrow({ where: { id: umid } });
    expect(m.status).toBe('read');
    expect(m.priceMicros).not.toBeNull(); // priced on delivery, as the sandbox's are
    const events = await db.event.findMany({ where: { subAccountId: EBE.subAccountId, eventType: 'outbound_message_status_changed' } });
    const mine = events.map((e) => e.body as { payload: { umid: string; status: { state: string } } }).filter((b) => b.payload.umid === umid);
    expect(mine.map((b) => b.payload.status.state)).toEqual(['delivered', 'read']);
  });

  it('a status that outruns the send’s answer finds the message by clientMessageId (our umid)', async () => {
    fake.respond(() => ({ delayMs: 1500, body: { umid: '8x8-out-slow', status: { state: 'queued' } } }));
    const res = await call(
      SEND,
      'POST',
      msgUrl(EBE.subAccountId),
      { subAccountId: EBE.subAccountId },
      { user: { msisdn: CUSTOMER }, type: 'text', content: { text: 'Fast receipt' } },
    );
    await processOutbox(db, { buckets: new TokenBuckets() });
    await vi.waitFor(() => expect(fake.requests.some((r) => (r.body as { clientMessageId?: string }).clientMessageId === res.json.umid)).toBe(true));
    // 8x8 has the send but its answer has not been stored.
    expect(await db.carrierMessage.count({ where: { messageId: res.json.umid } })).toBe(0);
    const early = await postWebhook(EBE.whatsapp, statusEvent('8x8-out-slow', 'sent', { clientMessageId: res.json.umid }));
    expect(early.json).toEqual({ umid: res.json.umid, applied: true });
    await settleOutbox();
    expect(await db.messageJob.count({ where: { messageId: res.json.umid } })).toBe(0);
    // Later receipts name only 8x8's umid, which is known now.
    expect((await postWebhook(EBE.whatsapp, statusEvent('8x8-out-slow', 'delivered'))).json).toEqual({ umid: res.json.umid, applied: true });
    expect(await history(res.json.umid)).toEqual(['queued', 'sent', 'delivered']);
  });

  it('undelivered carries 8x8’s errorCode and message, and is final', async () => {
    const umid = await sentText('8x8-out-2');
    await postWebhook(EBE.whatsapp, statusEvent('8x8-out-2', 'undelivered', { errorCode: 1022, errorMessage: 'Message window expired' }));
    expect((await postWebhook(EBE.whatsapp, statusEvent('8x8-out-2', 'delivered'))).json.applied).toBe(false);
    expect(await db.message.findUniqueOrThrow({ where: { id: umid } })).toMatchObject({
      status: 'undelivered',
      statusDetail: 'rejected_by_operator',
      errorCode: 1022,
      errorMessage: 'Message window expired',
    });
  });

  it('SMS receipts apply on the SMS channel', async () => {
    fake.respond(() => ({ body: { umid: '8x8-sms-out-1', status: { state: 'queued' } } }));
    const { umid } = await sendSms(db, { accountId: EBE.accountId, subAccountId: EBE.subAccountId, destination: '+6591113333', text: 'code 1' });
    await runOutbox();
    const res = await postWebhook(EBE.sms, statusEvent('8x8-sms-out-1', 'delivered', { namespace: 'SMS' }));
    expect(res.json).toEqual({ umid, applied: true });
  });

  it('refuses receipts for messages this channel did not send: unknown, another channel’s, another tenant’s', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const sandbox = await sendSms(db, { accountId: EBE.accountId, subAccountId: 'acme_corp', destination: '+6591115555', text: 'sandbox' });
    const other = await createOtherTenant();
    const foreign = await call(
      SEND,
      'POST',
      msgUrl(other.subAccountId),
      { subAccountId: other.subAccountId },
      { user: { msisdn: CUSTOMER }, type: 'text', content: { text: 'theirs' } },
      other.apiKey,
    );
    expect(foreign.status).toBe(200);
    const theirs = await sendSms(db, { accountId: EBE.accountId, subAccountId: EBE.subAccountId, destination: '+6591114444', text: 'sms' });
    await runOutbox();
    const cases = [
      statusEvent('never-seen', 'delivered'),
      statusEvent('never-seen-2', 'delivered', { clientMessageId: 'not-a-umid' }),
      // An SMS channel's message named on the WhatsApp channel.
      statusEvent('cross-1', 'delivered', { clientMessageId: theirs.umid }),
      statusEvent('cross-2', 'delivered', { clientMessageId: sandbox.umid }),
      statusEvent('cross-3', 'delivered', { clientMessageId: foreign.json.umid }),
    ];
    for (const body of cases) {
      const res = await postWebhook(EBE.whatsapp, body);
      expect(res.status, JSON.stringify(body)).toBe(404);
      expect(res.json.code).toBe(1005);
    }
    expect(warn).toHaveBeenCalledTimes(cases.length);
    expect((await db.message.findUniqueOrThrow({ where: { id: theirs.umid } })).status).toBe('queued');
    expect((await db.message.findUniqueOrThrow({ where: { id: foreign.json.umid } })).status).not.toBe('delivered');
  });
});
