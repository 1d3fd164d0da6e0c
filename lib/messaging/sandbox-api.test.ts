import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createOtherTenant, seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { POST as INBOUND } from '@/app/api/v1/subaccounts/[subAccountId]/sandbox/inbound/route';
import { POST as DTMF } from '@/app/api/v1/subaccounts/[subAccountId]/sandbox/dtmf/route';
import { call } from '@/test/messaging-helpers';

const inbound = (sub: string, body: unknown, key?: string) =>
  call(INBOUND, 'POST', `/api/v1/subaccounts/${sub}/sandbox/inbound`, { subAccountId: sub }, body, key);
const dtmf = (sub: string, body: unknown) => call(DTMF, 'POST', `/api/v1/subaccounts/${sub}/sandbox/dtmf`, { subAccountId: sub }, body);

beforeAll(async () => {
  await seedDemoTenant();
  // Events are stored only for a subscriber.
  await subscribeWebhook(['inbound_message_received']);
});

describe('POST /sandbox/inbound', () => {
  it('refuses a timestamp in the future, which would open the window until then, and writes nothing', async () => {
    const before = await db.message.count();
    for (const timestamp of ['9999-12-31T23:59:59Z', new Date(Date.now() + 3_600_000).toISOString()]) {
      const r = await inbound('acme_corp_chatapps', { user: { msisdn: '+15557654321' }, content: { text: 'from the future' }, timestamp });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: 1005, errors: [{ path: 'timestamp', message: 'timestamp must not be in the future' }] });
    }
    // Year 0 parses in JavaScript, but PostgreSQL stores no such date: a 400, not a failed write.
    const ancient = await inbound('acme_corp_chatapps', { user: { msisdn: '+15557654321' }, content: { text: 'old' }, timestamp: '0000-01-01T00:00:00Z' });
    expect(ancient.json).toMatchObject({ code: 1005, errors: [{ path: 'timestamp', message: 'timestamp must not be before 1970' }] });
    expect(await db.message.count()).toBe(before);
    expect(await db.conversationWindow.findFirst({ where: { msisdn: '+15557654321' } })).toBeNull();
    const skewed = await inbound('acme_corp_chatapps', {
      user: { msisdn: '+15557654321' },
      content: { text: 'a clock a minute fast' },
      timestamp: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(skewed.status).toBe(202);
  });

  it('stores a WhatsApp inbound, opens the window and records inbound_message_received in the reference shape', async () => {
    const r = await inbound('acme_corp_chatapps', {
      channel: 'whatsapp',
      user: { msisdn: '+15551234567' },
      type: 'text',
      content: { text: '1' },
      timestamp: '2025-11-09T14:35:01.000Z',
    });
    expect(r.status).toBe(202);
    const m = await db.message.findUniqueOrThrow({ where: { id: r.json.umid } });
    expect(m).toMatchObject({ direction: 'inbound', status: 'received', channel: 'whatsapp', msisdn: '+15551234567', country: 'US' });
    const event = await db.event.findFirstOrThrow({ where: { eventType: 'inbound_message_received' }, orderBy: { createdAt: 'desc' } });
    expect(event.body).toEqual({
      namespace: 'ChatApps',
      eventType: 'inbound_message_received',
      payload: {
        umid: r.json.umid,
        subAccountId: 'acme_corp_chatapps',
        timestamp: '2025-11-09T14:35:01.000Z',
        user: { msisdn: '+15551234567', channelUserId: '15551234567' },
        recipient: { channel: 'whatsapp', channelId: 'acme_corp_whatsapp' },
        type: 'Text',
        content: { text: '1' },
      },
    });
    const w = await db.conversationWindow.findUniqueOrThrow({ where: { subAccountId_msisdn: { subAccountId: 'acme_corp_chatapps', msisdn: '+15551234567' } } });
    expect(w.cswExpiresAt!.toISOString()).toBe('2025-11-10T14:35:01.000Z');
  });

  it('an SMS inbound carries source, destination, text and receivedAt for inbound_sms workflows', async () => {
    const r = await inbound('acme_corp', { channel: 'sms', user: { msisdn: '+6591234567' }, content: { text: 'STOP' } });
    expect(r.status).toBe(202);
    const event = await db.event.findFirstOrThrow({
      where: { eventType: 'inbound_message_received', subAccountId: 'acme_corp' },
      orderBy: { createdAt: 'desc' },
    });
    expect((event.body as any).payload).toMatchObject({
      source: '+6591234567',
      destination: 'Acme Corp',
      text: 'STOP',
      recipient: { channel: 'sms', channelId: 'acme_corp_sms' },
    });
    expect(new Date((event.body as any).payload.receivedAt).getTime()).toBeGreaterThan(0);
  });

  it('a referral arms the free entry point', async () => {
    await inbound('acme_corp_chatapps', { user: { msisdn: '+15551112222' }, content: { text: 'From the ad' }, referral: { sourceType: 'ad' } });
    const w = await db.conversationWindow.findUniqueOrThrow({ where: { subAccountId_msisdn: { subAccountId: 'acme_corp_chatapps', msisdn: '+15551112222' } } });
    expect(w.fepEligibleUntil).toBeInstanceOf(Date);
    expect(w.fepExpiresAt).toBeNull();
  });

  it('answers 1005/1002 for bad bodies and 404 for another tenant', async () => {
    const noText = await inbound('acme_corp_chatapps', { user: { msisdn: '+15551234567' }, content: {} });
    expect(noText).toMatchObject({ status: 400, json: { code: 1005 } });
    expect(noText.json.message).toContain('content.text');
    const badMsisdn = await inbound('acme_corp_chatapps', { user: { msisdn: '555' }, content: { text: 'x' } });
    expect(badMsisdn).toMatchObject({ status: 400, json: { code: 1002 } });
    const badRef = await inbound('acme_corp_chatapps', { user: { msisdn: '+15551234567' }, content: { text: 'x' }, referral: { sourceType: 'tv' } });
    expect(badRef.json.code).toBe(1005);
    const other = await createOtherTenant();
    expect((await inbound(other.subAccountId, { user: { msisdn: '+15551234567' }, content: { text: 'x' } })).status).toBe(404);
  });
});

describe('POST /sandbox/inbound variations', () => {
  it('takes the inbound event spellings ("Text", "WhatsApp") and nulls for optional fields', async () => {
    const r = await inbound('acme_corp_chatapps', {
      channel: 'WhatsApp',
      user: { msisdn: 15551234567 },
      type: 'Text',
      content: { text: 'hi', reply: null },
      timestamp: null,
      referral: null,
    });
    expect(r.status).toBe(202);
    expect(await db.message.findUniqueOrThrow({ where: { id: r.json.umid } })).toMatchObject({ channel: 'whatsapp', type: 'text', msisdn: '+15551234567' });
    expect((await inbound('acme_corp_chatapps', [])).json).toMatchObject({
      code: 1005,
      errors: [{ path: '', message: expect.stringContaining('must be a JSON object') }],
    });
  });
});

describe('POST /sandbox/dtmf', () => {
  it('logs the key press as an inbound voice message', async () => {
    const r = await dtmf('acme_corp', { clientRequestId: 'call-1', destination: '+6512345678', dtmf: '1' });
    expect(r.status).toBe(202);
    const m = await db.message.findUniqueOrThrow({ where: { id: r.json.umid } });
    expect(m).toMatchObject({ channel: 'voice', direction: 'inbound', type: 'dtmf', content: { dtmf: '1', clientRequestId: 'call-1' } });
    expect((await dtmf('acme_corp', { destination: '+6512345678', dtmf: 'x' })).json.code).toBe(1005);
    // A key press sent as a number.
    expect((await dtmf('acme_corp', { destination: 6512345678, dtmf: 2 })).status).toBe(202);
    expect((await dtmf('acme_corp', { destination: '12', dtmf: '1' })).json.code).toBe(1002);
  });
});
