import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { call, msgUrl } from '@/test/messaging-helpers';
import { POST as SEND } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import { GET as GET_MESSAGE } from '@/app/api/v1/subaccounts/[subAccountId]/messages/[umid]/route';
import { dispatchEvents } from '@/lib/webhooks/dispatch-events';
import { deliverDue } from '@/lib/webhooks/deliver';
import { startFake8x8, type Fake8x8 } from '@/test/fake-8x8/fake-8x8-server';
import { createEightByEightChannels, EBE, inboundEvent, postWebhook, runOutbox, statusEvent, useFake8x8 } from '@/test/fake-8x8/eight-by-eight-fixtures';

// The whole way round: the customer's system sends through the API, the outbox hands it to (the fake)
// 8x8, 8x8 reports delivery on the channel's webhook, and the customer's own webhook hears of it,
// exactly as it would from the sandbox.
let fake: Fake8x8;
let receiver: http.Server;
const heard: { eventType: string; payload: Record<string, any> }[] = [];
const CUSTOMER = '+15551235001';

beforeAll(async () => {
  await seedDemoTenant();
  await createEightByEightChannels();
  fake = await startFake8x8();
  useFake8x8(fake);
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      heard.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  await subscribeWebhook(['inbound_message_received', 'outbound_message_status_changed'], {
    subAccountId: EBE.subAccountId,
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
  });
});
afterAll(async () => {
  await fake.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});

async function deliverWebhooks() {
  await dispatchEvents(db);
  while ((await deliverDue(db)) > 0);
}

describe('an 8x8 channel end to end', () => {
  it('customer writes in → reply sent through the API → 8x8 gets it → 8x8 reports delivered → the customer’s webhook hears both', async () => {
    const inbound = await postWebhook(EBE.whatsapp, inboundEvent('e2e-in-1', CUSTOMER, 'Where is my order?'));
    expect(inbound.status).toBe(200);

    const sent = await call(
      SEND,
      'POST',
      msgUrl(EBE.subAccountId),
      { subAccountId: EBE.subAccountId },
      {
        user: { msisdn: CUSTOMER },
        type: 'text',
        content: { text: 'It ships today.' },
        clientMessageId: 'crm-4711',
      },
    );
    expect(sent.status).toBe(200);
    const umid: string = sent.json.umid;
    await runOutbox();

    const request = fake.requests.find((r) => (r.body as { clientMessageId?: string }).clientMessageId === umid)!;
    expect(request).toMatchObject({
      path: `/api/v1/subaccounts/${EBE.credentials.subAccountId}/messages`,
      headers: { authorization: `Bearer ${EBE.credentials.apiKey}` },
      body: { user: { msisdn: CUSTOMER }, type: 'text', content: { text: 'It ships today.' }, clientMessageId: umid },
    });
    const carrierId = (await db.carrierMessage.findFirstOrThrow({ where: { messageId: umid } })).carrierId;

    expect((await postWebhook(EBE.whatsapp, statusEvent(carrierId, 'sent'))).json.applied).toBe(true);
    expect((await postWebhook(EBE.whatsapp, statusEvent(carrierId, 'delivered'))).json.applied).toBe(true);

    const status = await call(GET_MESSAGE, 'GET', `${msgUrl(EBE.subAccountId)}/${umid}`, { subAccountId: EBE.subAccountId, umid });
    expect(status.json).toMatchObject({ umid, status: { state: 'delivered' } });

    await deliverWebhooks();
    expect(heard.find((e) => e.eventType === 'inbound_message_received')?.payload).toMatchObject({
      umid: inbound.json.umid,
      user: { msisdn: CUSTOMER },
      recipient: { channel: 'whatsapp', channelId: EBE.whatsapp },
      content: { text: 'Where is my order?' },
    });
    const receipts = heard.filter((e) => e.eventType === 'outbound_message_status_changed' && e.payload.umid === umid);
    expect(receipts.map((e) => e.payload.status.state)).toEqual(['sent', 'delivered']);
    // The customer's own id comes back in the receipts, not the one Parley gave 8x8.
    expect(receipts[1]!.payload).toMatchObject({ clientMessageId: 'crm-4711', subAccountId: EBE.subAccountId });
  });
});
