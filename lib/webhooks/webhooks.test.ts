import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { POST as CREATE, GET as LIST } from '@/app/api/v1/accounts/[accountId]/webhooks/route';
import { GET as GET_ONE, DELETE } from '@/app/api/v1/accounts/[accountId]/webhooks/[id]/route';
import { call, drainOutbox } from '@/test/messaging-helpers';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { sendMessage } from '@/lib/messaging/send-message';
import { dispatchEvents } from '@/lib/webhooks/dispatch-events';
import { backoffMs, deliverDue, resendDelivery, RETRY_SCHEDULE_MS } from '@/lib/webhooks/deliver';
import { assertPublicUrl } from '@/lib/net/assert-public-url';
import { isBlockedAddress as isPrivateAddress } from '@/lib/net/is-blocked-address';
import { recordEvent } from '@/lib/events/record-event';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

type Received = { headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let failNext = 0;
let server: http.Server;
let base = '';

beforeAll(async () => {
  await seedDemoTenant();
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end('boom');
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const url = '/api/v1/accounts/acme_corp/webhooks';

describe('webhook endpoints API', () => {
  it('registers, lists, shows and deletes; refuses bad input and other tenants', async () => {
    const created = await call(CREATE, 'POST', url, { accountId: 'acme_corp' }, { url: `${base}/a`, events: ['template_status_update'] });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_/);
    const list = await call(LIST, 'GET', url, { accountId: 'acme_corp' });
    expect(list.json.data.map((e: { id: string }) => e.id)).toContain(created.json.id);
    expect(JSON.stringify(list.json)).not.toContain(created.json.secret);
    const one = await call(GET_ONE, 'GET', `${url}/${created.json.id}`, { accountId: 'acme_corp', id: created.json.id });
    expect(one.json).toMatchObject({ url: `${base}/a`, events: ['template_status_update'], recentDeliveries: [] });
    const bad = await call(CREATE, 'POST', url, { accountId: 'acme_corp' }, { url: 'ftp://x', events: ['nope'] });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe(1005);
    const other = await createOtherTenant();
    const theirs = await call(GET_ONE, 'GET', `${url}/${created.json.id}`, { accountId: other.accountId, id: created.json.id }, undefined, other.apiKey);
    expect(theirs.status).toBe(404);
    const del = await (DELETE as any)(
      new Request(`http://localhost${url}/${created.json.id}`, { method: 'DELETE', headers: { authorization: 'Bearer prl_test_demo_key_0123456789' } }),
      { params: Promise.resolve({ accountId: 'acme_corp', id: created.json.id }) },
    );
    expect(del.status).toBe(204);
  });

  it('takes event names in any case and says what a wrong events field should be', async () => {
    const created = await call(
      CREATE,
      'POST',
      url,
      { accountId: 'acme_corp' },
      { url: `${base}/b`, events: ['INBOUND_MESSAGE_RECEIVED', 'Outbound_Message_Status_Changed'], subAccountId: null },
    );
    expect(created.status).toBe(201);
    expect(created.json.events).toEqual(['inbound_message_received', 'outbound_message_status_changed']);
    const single = await call(CREATE, 'POST', url, { accountId: 'acme_corp' }, { url: `${base}/b`, events: 'inbound_message_received' });
    expect(single.json).toMatchObject({ code: 1005, errors: [{ path: 'events', message: 'events must be a list such as ["inbound_message_received"]' }] });
    const notObject = await call(CREATE, 'POST', url, { accountId: 'acme_corp' }, []);
    expect(notObject.json).toMatchObject({ code: 1005, errors: [{ path: '', message: expect.stringContaining('must be a JSON object') }] });
    // Out of the way of the delivery tests below, which count what each endpoint receives.
    await db.webhookEndpoint.update({ where: { id: created.json.id }, data: { deletedAt: new Date() } });
  });

  it('deletes an endpoint once when two DELETEs arrive together: the other is a 404', async () => {
    const created = await call(CREATE, 'POST', url, { accountId: 'acme_corp' }, { url: `${base}/c`, events: ['template_status_update'] });
    const del = () =>
      (DELETE as any)(
        new Request(`http://localhost${url}/${created.json.id}`, { method: 'DELETE', headers: { authorization: 'Bearer prl_test_demo_key_0123456789' } }),
        { params: Promise.resolve({ accountId: 'acme_corp', id: created.json.id }) },
      );
    const statuses = (await Promise.all(Array.from({ length: 5 }, del))).map((r: Response) => r.status).sort();
    expect(statuses).toEqual([204, 404, 404, 404, 404]);
  });

  it('refuses private addresses unless ALLOW_PRIVATE_NETWORK', async () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '169.254.169.254', '192.168.1.1', '::1', 'fd00::1', '::ffff:10.0.0.1'])
      expect(isPrivateAddress(ip), ip).toBe(true);
    expect(isPrivateAddress('93.184.216.34')).toBe(false);
    await expect(assertPublicUrl('http://127.0.0.1:9/x', { allowPrivate: false })).rejects.toMatchObject({ reason: 'blocked' });
    await expect(assertPublicUrl('http://169.254.169.254/latest', { allowPrivate: false })).rejects.toThrow();
    await expect(assertPublicUrl('http://localhost/x', { allowPrivate: false })).rejects.toThrow();
    await expect(assertPublicUrl('http://93.184.216.34/x', { allowPrivate: false })).resolves.toMatchObject({ url: expect.any(URL) });
  });
});

describe('delivery', () => {
  it('delivers inbound and status events signed with the secret, filtered by event and subaccount', async () => {
    const all = await call(
      CREATE,
      'POST',
      url,
      { accountId: 'acme_corp' },
      { url: `${base}/all`, events: ['inbound_message_received', 'outbound_message_status_changed'] },
    );
    await call(CREATE, 'POST', url, { accountId: 'acme_corp' }, { url: `${base}/other-sub`, events: ['inbound_message_received'], subAccountId: 'acme_corp' });
    await receiveInbound(db, {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      channel: 'whatsapp',
      msisdn: '+15551234567',
      type: 'text',
      content: { text: '1' },
    });
    const sent = await sendMessage(db, {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      body: { user: { msisdn: '+15551234567' }, type: 'text', content: { text: 'Confirmed' } },
    });
    await drainOutbox();
    received.length = 0;
    await dispatchEvents(db);
    while ((await deliverDue(db)) > 0);
    expect(received.every((r) => r.headers['x-parley-event'])).toBe(true);
    const paths = received.map((r) => JSON.parse(r.body).eventType);
    expect(paths.filter((p) => p === 'inbound_message_received')).toHaveLength(1);
    expect(paths.filter((p) => p === 'outbound_message_status_changed')).toHaveLength(3);
    for (const r of received) {
      const expected = `sha256=${crypto.createHmac('sha256', all.json.secret).update(r.body).digest('hex')}`;
      expect(r.headers['x-parley-signature']).toBe(expected);
    }
    const inbound = JSON.parse(received.find((r) => r.body.includes('inbound_message_received'))!.body);
    expect(inbound).toMatchObject({
      namespace: 'ChatApps',
      eventType: 'inbound_message_received',
      payload: {
        subAccountId: 'acme_corp_chatapps',
        user: { msisdn: '+15551234567', channelUserId: '15551234567' },
        recipient: { channel: 'whatsapp', channelId: 'acme_corp_whatsapp' },
        type: 'Text',
        content: { text: '1' },
      },
    });
    const read = received.map((r) => JSON.parse(r.body)).find((b) => b.payload?.status?.state === 'read');
    expect(read.payload.umid).toBe(sent.umid);
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: all.json.id } });
    expect(deliveries.every((d) => d.status === 'succeeded' && d.attempts === 1)).toBe(true);
  });

  it('retries a failing receiver on the schedule, records every attempt, and resends on demand', async () => {
    const ep = await call(CREATE, 'POST', url, { accountId: 'acme_corp' }, { url: `${base}/flaky`, events: ['template_status_update'] });
    await recordEvent(db, {
      accountId: 'acme_corp',
      eventType: 'template_status_update',
      body: { eventType: 'template_status_update', eventDetails: { templateName: 't', templateLanguage: 'en_US', meta: { status: 'APPROVED' } } },
    });
    await dispatchEvents(db);
    failNext = 2;
    let clock = Date.now();
    const now = () => new Date(clock);
    await deliverDue(db, { now });
    let d = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: ep.json.id } });
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    // A receiver that blinked gets the event again 5 s later.
    expect(d.nextAttemptAt!.getTime() - clock).toBe(5_000);
    clock += 5_000;
    await deliverDue(db, { now });
    d = await db.webhookDelivery.findFirstOrThrow({ where: { id: d.id } });
    expect(d.attempts).toBe(2);
    expect(d.nextAttemptAt!.getTime() - clock).toBe(5 * 60_000);
    clock += 5 * 60_000;
    await deliverDue(db, { now });
    d = await db.webhookDelivery.findFirstOrThrow({ where: { id: d.id } });
    expect(d).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 204 });
    expect(await db.webhookAttempt.count({ where: { deliveryId: d.id } })).toBe(3);

    await resendDelivery(db, 'acme_corp', d.id, SYSTEM_ACTOR);
    await deliverDue(db, { now: () => new Date() });
    d = await db.webhookDelivery.findFirstOrThrow({ where: { id: d.id } });
    expect(d).toMatchObject({ status: 'succeeded', attempts: 4 });
    await expect(resendDelivery(db, 'someone_else', d.id, SYSTEM_ACTOR)).rejects.toMatchObject({ status: 404 });
  });

  it('keeps retrying for at least 24 h before giving up', async () => {
    // Svix's schedule: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
    expect(RETRY_SCHEDULE_MS).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(backoffMs(8)).toBeNull();
    const ep = await call(CREATE, 'POST', url, { accountId: 'acme_corp' }, { url: `${base}/dead`, events: ['phone_number_quality_update'] });
    await recordEvent(db, { accountId: 'acme_corp', eventType: 'phone_number_quality_update', body: { eventType: 'phone_number_quality_update' } });
    await dispatchEvents(db);
    failNext = 1000;
    const start = Date.now();
    let clock = start;
    let attempts = 0;
    for (;;) {
      const d = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: ep.json.id } });
      if (d.status !== 'pending') {
        expect(d.status).toBe('failed');
        expect(clock - start).toBeGreaterThanOrEqual(24 * 3600_000);
        expect(d.attempts).toBe(8);
        const times = (await db.webhookAttempt.findMany({ where: { deliveryId: d.id }, orderBy: { at: 'asc' } })).map((a) => a.at.getTime() - start);
        expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([...RETRY_SCHEDULE_MS]);
        break;
      }
      clock = Math.max(clock, d.nextAttemptAt!.getTime());
      await deliverDue(db, { now: () => new Date(clock) });
      attempts++;
      if (attempts > 100) throw new Error('never gave up');
    }
    failNext = 0;
  });
});
