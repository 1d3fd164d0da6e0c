import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createOtherTenant, seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { POST, GET } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import { GET as GET_ONE } from '@/app/api/v1/subaccounts/[subAccountId]/messages/[umid]/route';
import { call, drainOutbox, msgUrl } from '@/test/messaging-helpers';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { sendSms } from '@/lib/messaging/send-sms';
import { sendVoiceMessage } from '@/lib/messaging/send-voice-message';
import { getMessageStatus } from '@/lib/messaging/send-message';

const SUB = 'acme_corp_chatapps';
const send = (body: unknown, sub = SUB, key?: string) => call(POST, 'POST', msgUrl(sub), { subAccountId: sub }, body, key);
const text = (msisdn: string, t = 'Hello', extra: Record<string, unknown> = {}) => ({ user: { msisdn }, type: 'text', content: { text: t }, ...extra });

beforeAll(async () => {
  await seedDemoTenant();
  // Events are stored only for a subscriber.
  await subscribeWebhook(['outbound_message_status_changed']);
});

describe('POST /subaccounts/{id}/messages: synchronous checks', () => {
  it('401/1200 without a valid key', async () => {
    const r = await send(text('+15551234567'), SUB, 'prl_wrong');
    expect(r.status).toBe(401);
    expect(r.json.code).toBe(1200);
  });

  it('1002 for an MSISDN without country code or malformed', async () => {
    for (const msisdn of ['12345', 'not-a-number', '+1']) {
      const r = await send(text(msisdn));
      expect(r.status).toBe(400);
      expect(r.json.code).toBe(1002);
      expect(r.json.message).toContain('Invalid MSISDN');
    }
  });

  it('1005 for a missing user.msisdn, malformed JSON, unknown type, misspelled content', async () => {
    const missing = await send({ type: 'text', content: { text: 'x' } });
    expect(missing.json).toMatchObject({ code: 1005 });
    expect(missing.json.message).toContain("'user'");
    const noMsisdn = await send({ user: {}, type: 'text', content: { text: 'x' } });
    expect(noMsisdn.json.message).toBe("Invalid parameter(s): 'user.msisdn'");
    expect((await send('{"user":')).json.code).toBe(1005);
    const badType = await send({ user: { msisdn: '+15551234567' }, type: 'fax', content: {} });
    expect(badType.json.code).toBe(1005);
    const noTemplate = await send({ user: { msisdn: '+15551234567' }, type: 'template', content: { tempalte: {} } });
    expect(noTemplate.json).toMatchObject({ code: 1005, message: "Invalid parameter(s): 'content.template'" });
    for (const r of [missing, noMsisdn, badType, noTemplate]) {
      expect(r.status).toBe(400);
      expect(r.json.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(r.json.timestamp).toISOString()).toBe(r.json.timestamp);
    }
  });

  it('3038 for a template that is not approved', async () => {
    const r = await send({ user: { msisdn: '+15551234567' }, type: 'template', content: { template: { name: 'nope', language: 'en_US', components: [] } } });
    expect(r.status).toBe(400);
    expect(r.json.code).toBe(3038);
  });

  it('checks interactive limits: 3 reply buttons, 10 rows, title lengths', async () => {
    const btn = (i: number, title = `Option ${i}`) => ({ type: 'reply', reply: { id: `b${i}`, title } });
    const four = await send({
      user: { msisdn: '+15551234567' },
      type: 'interactive',
      content: { interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [1, 2, 3, 4].map((i) => btn(i)) } } },
    });
    expect(four.json.code).toBe(1005);
    expect(JSON.stringify(four.json.errors)).toContain('At most 3 reply buttons');
    const long = await send({
      user: { msisdn: '+15551234567' },
      type: 'interactive',
      content: { interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [btn(1, 'x'.repeat(21))] } } },
    });
    expect(JSON.stringify(long.json.errors)).toContain('at most 20 characters');
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
    const list = await send({
      user: { msisdn: '+15551234567' },
      type: 'interactive',
      content: { interactive: { type: 'list', body: { text: 'Pick' }, action: { button: 'Choose', sections: [{ title: 'A', rows }] } } },
    });
    expect(JSON.stringify(list.json.errors)).toContain('at most 10 rows');
  });

  it("404 for another tenant's subaccount", async () => {
    const other = await createOtherTenant();
    const r = await send(text('+15551234567'), other.subAccountId);
    expect(r.status).toBe(404);
    const theirs = await send(text('+15551234567'), SUB, other.apiKey);
    expect(theirs.status).toBe(404);
  });
});

describe('delivery in the sandbox', () => {
  it('queues, then goes sent → delivered → read inside an open window, with events', async () => {
    await receiveInbound(db, { accountId: 'acme_corp', subAccountId: SUB, channel: 'whatsapp', msisdn: '+15557770001', type: 'text', content: { text: 'hi' } });
    const r = await send(text('+15557770001', 'Thanks for writing'));
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ clientMessageId: null, status: { state: 'queued' } });
    expect(r.json.umid).toMatch(/^[0-9a-f-]{36}$/);
    await drainOutbox();
    const one = await call(GET_ONE, 'GET', `${msgUrl(SUB)}/${r.json.umid}`, { subAccountId: SUB, umid: r.json.umid });
    expect(one.json.status.state).toBe('read');
    expect(one.json.statusHistory.map((s: { state: string }) => s.state)).toEqual(['queued', 'sent', 'delivered', 'read']);
    expect(one.json).toMatchObject({ channel: 'whatsapp', direction: 'outbound', country: 'US', category: 'service', price: { amount: 0, currency: 'USD' } });
    const events = await db.event.findMany({ where: { eventType: 'outbound_message_status_changed' } });
    const mine = events.map((e) => e.body as any).filter((b) => b.payload.umid === r.json.umid);
    expect(mine.map((b) => b.payload.status.state)).toEqual(['sent', 'delivered', 'read']);
    expect(mine[0]).toMatchObject({
      namespace: 'ChatApps',
      description: 'ChatApps outbound message delivery receipt',
      payload: { subAccountId: SUB, channel: 'whatsapp', user: { msisdn: '+15557770001' } },
    });
    expect(await getMessageStatus(db, 'acme_corp', r.json.umid)).toMatchObject({ state: 'read' });
  });

  it('a freeform message outside the 24 h window ends undelivered with 1022', async () => {
    const r = await send(text('+15557770002'));
    expect(r.status).toBe(200);
    await drainOutbox();
    const status = await getMessageStatus(db, 'acme_corp', r.json.umid);
    expect(status).toMatchObject({ state: 'undelivered', errorCode: 1022, errorMessage: 'Message window expired', detail: 'rejected_by_operator' });
  });

  it('0000 numbers are unreachable: undelivered 1003', async () => {
    await receiveInbound(db, { accountId: 'acme_corp', subAccountId: SUB, channel: 'whatsapp', msisdn: '+15557770000', type: 'text', content: { text: 'hi' } });
    const r = await send(text('+15557770000'));
    await drainOutbox();
    expect(await getMessageStatus(db, 'acme_corp', r.json.umid)).toMatchObject({
      state: 'undelivered',
      errorCode: 1003,
      errorMessage: 'Unreachable destination',
    });
  });

  it('sms and voice go through the same pipeline', async () => {
    const sms = await sendSms(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', destination: '+6512345678', text: 'Hello, world!' });
    const voice = await sendVoiceMessage(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', destination: '+6512345679', text: 'Press 1 to confirm' });
    await drainOutbox();
    expect(await getMessageStatus(db, 'acme_corp', sms.umid)).toMatchObject({ state: 'delivered' });
    expect(await getMessageStatus(db, 'acme_corp', voice.umid)).toMatchObject({ state: 'delivered' });
    // Another account asking for the same umid learns nothing.
    expect(await getMessageStatus(db, 'some_other_account', voice.umid)).toBeNull();
    const m = await db.message.findUniqueOrThrow({ where: { id: sms.umid } });
    expect(m).toMatchObject({ channel: 'sms', country: 'SG', channelId: 'acme_corp_sms' });
    expect(m.content).toMatchObject({ text: 'Hello, world!', source: 'Acme Corp' });
    await expect(sendSms(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', destination: 'abc', text: 'x' })).rejects.toMatchObject({ code: 1002 });
  });
});

describe('idempotency', () => {
  it('the same clientMessageId twice returns the first umid and sends once', async () => {
    const body = text('+15557770003', 'once', { clientMessageId: 'order-42' });
    const [a, b] = await Promise.all([send(body), send(body)]);
    const c = await send(body);
    expect(a.json.umid).toBe(b.json.umid);
    expect(c.json.umid).toBe(a.json.umid);
    expect(c.json.clientMessageId).toBe('order-42');
    expect(await db.message.count({ where: { clientMessageId: 'order-42' } })).toBe(1);
    expect(await db.messageJob.count({ where: { messageId: a.json.umid, kind: 'send' } })).toBe(1);
    // Per subaccount: the same id in another subaccount is another message.
    const other = await send(body, 'acme_corp');
    expect(other.json.umid).not.toBe(a.json.umid);
  });
});

describe('GET /subaccounts/{id}/messages', () => {
  it('lists newest first with filters and a cursor', async () => {
    const all = await call(GET, 'GET', `${msgUrl(SUB)}?limit=2`, { subAccountId: SUB });
    expect(all.status).toBe(200);
    expect(all.json.data).toHaveLength(2);
    expect(all.json.nextCursor).toEqual(expect.any(String));
    const next = await call(GET, 'GET', `${msgUrl(SUB)}?limit=2&cursor=${all.json.nextCursor}`, { subAccountId: SUB });
    expect(next.json.data[0].umid).not.toBe(all.json.data[1].umid);
    expect(new Date(next.json.data[0].createdAt).getTime()).toBeLessThanOrEqual(new Date(all.json.data[1].createdAt).getTime());
    const inbound = await call(GET, 'GET', `${msgUrl(SUB)}?direction=inbound`, { subAccountId: SUB });
    expect(inbound.json.data.length).toBeGreaterThan(0);
    expect(inbound.json.data.every((m: { direction: string }) => m.direction === 'inbound')).toBe(true);
    const undelivered = await call(GET, 'GET', `${msgUrl(SUB)}?status=undelivered&msisdn=15557770002`, { subAccountId: SUB });
    expect(undelivered.json.data).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    const byDay = await call(GET, 'GET', `${msgUrl(SUB)}?from=${today}&to=${today}`, { subAccountId: SUB });
    expect(byDay.json.data.length).toBeGreaterThan(0);
    expect((await call(GET, 'GET', `${msgUrl(SUB)}?to=2000-01-01`, { subAccountId: SUB })).json.data).toHaveLength(0);
    const us = await call(GET, 'GET', `${msgUrl(SUB)}?country=us&channel=whatsapp`, { subAccountId: SUB });
    expect(us.json.data.every((m: { country: string }) => m.country === 'US')).toBe(true);
    const byUmid = await call(GET, 'GET', `${msgUrl(SUB)}?umid=${all.json.data[0].umid}`, { subAccountId: SUB });
    expect(byUmid.json.data).toHaveLength(1);
    const badCursor = await call(GET, 'GET', `${msgUrl(SUB)}?cursor=nonsense`, { subAccountId: SUB });
    expect(badCursor.json.code).toBe(1005);
    const bad = await call(GET, 'GET', `${msgUrl(SUB)}?limit=501`, { subAccountId: SUB });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe(1005);
  });
});
