import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { approvedTemplate, call, msgUrl } from '@/test/messaging-helpers';
import { POST as SEND } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import { sendSms } from '@/lib/messaging/send-sms';
import { buildSendRequest } from '@/lib/channels/eightbyeight/build-send-request';
import { startFake8x8, type Fake8x8, type RecordedRequest } from '@/test/fake-8x8/fake-8x8-server';
import { createEightByEightChannels, EBE, inboundEvent, postWebhook, runOutbox, useFake8x8 } from '@/test/fake-8x8/eight-by-eight-fixtures';

// Every message type the send API accepts leaves for 8x8 as the reference's send payload, on the
// channel's 8x8 subaccount, with its API key and our umid as clientMessageId.
let fake: Fake8x8;
const CUSTOMER = '+15551230001';
const sub = EBE.subAccountId;

beforeAll(async () => {
  await seedDemoTenant();
  await createEightByEightChannels();
  fake = await startFake8x8();
  useFake8x8(fake);
  await approvedTemplate({
    name: 'appointment_reminder_v1',
    category: 'UTILITY',
    subAccountId: sub,
    channelId: EBE.whatsapp,
    components: [{ type: 'BODY', text: 'Hi {{1}}, see you on {{2}}', examples: ['Maria', 'Nov 10'] }],
  });
  // The customer writes first (through 8x8's webhook), so freeform messages may go out.
  expect((await postWebhook(EBE.whatsapp, inboundEvent('in-1', CUSTOMER, 'hello'))).status).toBe(200);
});
afterAll(() => fake.close());

/** Sends through the API, runs the outbox and returns what 8x8 received for it. */
async function sendAndCapture(body: Record<string, unknown>): Promise<{ umid: string; req: RecordedRequest }> {
  const res = await call(SEND, 'POST', msgUrl(sub), { subAccountId: sub }, { user: { msisdn: CUSTOMER }, ...body });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  await runOutbox();
  const req = fake.requests.find((r) => (r.body as { clientMessageId?: string }).clientMessageId === res.json.umid);
  expect(req, `8x8 got no request for ${res.json.umid}`).toBeDefined();
  return { umid: res.json.umid, req: req! };
}

const SENDS: [string, Record<string, unknown>, Record<string, unknown>?][] = [
  ['text', { type: 'text', content: { text: 'Thank you, your appointment is confirmed.' } }],
  ['image', { type: 'image', content: { url: 'https://cdn.example.com/a.png', caption: 'Your receipt' } }],
  ['video', { type: 'video', content: { url: 'https://cdn.example.com/a.mp4' } }],
  ['audio', { type: 'audio', content: { url: 'https://cdn.example.com/a.mp3' } }],
  ['document', { type: 'document', content: { url: 'https://cdn.example.com/a.pdf', filename: 'invoice.pdf' } }],
  ['location', { type: 'location', content: { location: { latitude: 1.2857, longitude: 103.8575, name: 'Acme HQ' } } }],
  [
    'location (flat, as the API also takes it)',
    { type: 'location', content: { latitude: '1.2857', longitude: 103.8575, address: '1 Main St' } },
    { location: { latitude: '1.2857', longitude: 103.8575, address: '1 Main St' } },
  ],
  [
    'interactive buttons',
    {
      type: 'interactive',
      content: {
        interactive: {
          type: 'button',
          body: { text: 'Did that solve it?' },
          action: { buttons: [{ type: 'reply', reply: { id: 'solved', title: 'Yes, thanks!' } }] },
        },
      },
    },
  ],
  [
    'interactive list',
    {
      type: 'interactive',
      content: {
        interactive: {
          type: 'list',
          body: { text: 'Pick a topic' },
          action: { button: 'Topics', sections: [{ title: 'Help', rows: [{ id: 'billing', title: 'Billing Questions' }] }] },
        },
      },
    },
  ],
  [
    'interactive call-to-action URL',
    {
      type: 'interactive',
      content: {
        interactive: { type: 'cta_url', body: { text: 'Track it' }, action: { parameters: { display_text: 'Track', url: 'https://example.com/t/1' } } },
      },
    },
  ],
  [
    'template',
    {
      type: 'template',
      content: {
        template: {
          name: 'appointment_reminder_v1',
          language: 'en_US',
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Maria' },
                { type: 'text', text: 'Nov 10, 2025' },
              ],
            },
          ],
        },
      },
    },
  ],
];

describe('8x8 send requests', () => {
  it.each(SENDS)('%s: POST {chatapps}/api/v1/subaccounts/{8x8 subaccount}/messages in the reference shape', async (_name, body, expectedContent) => {
    const { umid, req } = await sendAndCapture(body);
    expect(req.method).toBe('POST');
    expect(req.path).toBe(`/api/v1/subaccounts/${EBE.credentials.subAccountId}/messages`);
    expect(req.headers.authorization).toBe(`Bearer ${EBE.credentials.apiKey}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toEqual({ user: { msisdn: CUSTOMER }, type: body.type, content: expectedContent ?? body.content, clientMessageId: umid });
    // 8x8's umid is kept with ours, so its webhooks find the message.
    const carrier = await db.carrierMessage.findFirst({ where: { messageId: umid } });
    expect(carrier).toMatchObject({ channelId: EBE.whatsapp });
    const m = await db.message.findUniqueOrThrow({ where: { id: umid } });
    expect(m.status).toBe('queued'); // until 8x8 reports sent/delivered
    expect(await db.messageJob.count({ where: { messageId: umid } })).toBe(0);
  });

  it('SMS: POST {sms}/api/v1/subaccounts/{8x8 subaccount}/messages with source, destination, text and encoding', async () => {
    const a = await sendSms(db, { accountId: EBE.accountId, subAccountId: sub, destination: '+6591234567', text: 'Your code is 1234' });
    const b = await sendSms(db, { accountId: EBE.accountId, subAccountId: sub, destination: '+6591234568', text: 'Hi', source: 'AcmeOTP' });
    await runOutbox();
    const body = (umid: string) => fake.requests.find((r) => (r.body as { clientMessageId?: string }).clientMessageId === umid);
    expect(body(a.umid)).toMatchObject({
      path: `/api/v1/subaccounts/${EBE.credentials.subAccountId}/messages`,
      headers: { authorization: `Bearer ${EBE.credentials.apiKey}` },
      body: { source: EBE.smsAddress, destination: '+6591234567', text: 'Your code is 1234', encoding: 'AUTO', clientMessageId: a.umid },
    });
    expect(body(b.umid)?.body).toMatchObject({ source: 'AcmeOTP', destination: '+6591234568' });
    expect(await db.carrierMessage.count({ where: { channelId: EBE.sms } })).toBe(2);
  });

  it('goes to the account region’s base URL for each product', () => {
    const message = { umid: 'u1', channel: 'whatsapp', msisdn: '+15551230001', type: 'text', content: { text: 'x' } };
    const channel = { id: 'c', accountId: 'a', kind: 'whatsapp', address: '+1555', provider: '8x8', region: 'eu', credentials: null };
    const creds = { apiKey: 'k', subAccountId: 'my sub', webhookSecret: 's' };
    expect(buildSendRequest(message, channel, creds).url).toBe('https://chatapps.8x8.uk/api/v1/subaccounts/my%20sub/messages');
    expect(buildSendRequest(message, { ...channel, region: 'na' }, creds).url).toBe('https://chatapps.us.8x8.com/api/v1/subaccounts/my%20sub/messages');
    expect(buildSendRequest({ ...message, channel: 'sms' }, { ...channel, kind: 'sms', region: 'id' }, creds).url).toBe(
      'https://sms.8x8.id/api/v1/subaccounts/my%20sub/messages',
    );
    expect(buildSendRequest(message, { ...channel, region: 'apac' }, creds, 'http://127.0.0.1:9/').url).toBe(
      'http://127.0.0.1:9/api/v1/subaccounts/my%20sub/messages',
    );
  });

  it('leaves sandbox channels to the sandbox: nothing reaches 8x8', async () => {
    const before = fake.requests.length;
    const res = await sendSms(db, { accountId: EBE.accountId, subAccountId: 'acme_corp', destination: '+6591230000', text: 'sandbox' });
    await runOutbox();
    expect(fake.requests.length).toBe(before);
    expect((await db.message.findUniqueOrThrow({ where: { id: res.umid } })).status).toBe('sent');
  });
});
