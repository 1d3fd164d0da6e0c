import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { createEndpoint, getEndpoint, updateEndpoint } from '@/lib/webhooks/endpoints';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';
import { deliverDue, SIGNATURE_HEADER, sign } from '@/lib/webhooks/deliver';
import { dispatchEvents } from '@/lib/webhooks/dispatch-events';
import { WEBHOOK_EVENTS } from '@/lib/webhooks/events';

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let status = 204;
let server: http.Server;
let base = '';

beforeAll(async () => {
  await seedDemoTenant();
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('editing a webhook', () => {
  it('changes its URL and events, keeps its secret, and is audited', async () => {
    const created = await createEndpoint(db, 'acme_corp', { url: `${base}/old`, events: ['template_status_update'] }, SYSTEM_ACTOR);
    const updated = await updateEndpoint(
      db,
      'acme_corp',
      created.id,
      { url: `${base}/new`, events: ['INBOUND_MESSAGE_RECEIVED', 'template_status_update'] },
      SYSTEM_ACTOR,
    );
    expect(updated).toMatchObject({ id: created.id, url: `${base}/new`, events: ['inbound_message_received', 'template_status_update'] });
    expect(await getEndpoint(db, 'acme_corp', created.id)).toMatchObject({ url: `${base}/new` });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } })).secret).toBe(created.secret);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: 'webhook.update' } });
    expect(audit.summary).toContain(`URL ${base}/old → ${base}/new`);
  });

  it('refuses bad input, private addresses when they are not allowed, and another account’s webhook', async () => {
    const e = await createEndpoint(db, 'acme_corp', { url: `${base}/x`, events: ['template_status_update'] }, SYSTEM_ACTOR);
    const issues = async (raw: unknown) =>
      ((await updateEndpoint(db, 'acme_corp', e.id, raw, SYSTEM_ACTOR).catch((x) => x)) as ValidationError).issues.map((i) => i.path);
    expect(await issues({ url: `${base}/x`, events: [] })).toEqual(['events']);
    expect(await issues({ url: 'ftp://example.com', events: ['template_status_update'] })).toEqual(['url']);
    env.ALLOW_PRIVATE_NETWORK = false;
    try {
      expect(await issues({ url: 'http://169.254.169.254/latest', events: ['template_status_update'] })).toEqual(['url']);
    } finally {
      env.ALLOW_PRIVATE_NETWORK = true;
    }
    const other = await createOtherTenant();
    await expect(updateEndpoint(db, other.accountId, e.id, { url: `${base}/y`, events: ['template_status_update'] }, SYSTEM_ACTOR)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await getEndpoint(db, 'acme_corp', e.id)).toMatchObject({ url: `${base}/x` });
  });
});

describe('sending a test event', () => {
  it('delivers a signed event of each kind the webhook takes, in the shape of the real one, recorded as a delivery', async () => {
    const e = await createEndpoint(db, 'acme_corp', { url: `${base}/hook`, events: [...WEBHOOK_EVENTS] }, SYSTEM_ACTOR);
    for (const eventType of WEBHOOK_EVENTS) {
      received.length = 0;
      const d = await sendTestEvent(db, { accountId: 'acme_corp', endpointId: e.id, eventType, actor: SYSTEM_ACTOR });
      expect(d).toMatchObject({ endpointId: e.id, eventType, status: 'succeeded', attempts: 1, lastStatusCode: 204, lastError: null });
      expect(d.history).toHaveLength(1);
      const [got] = received;
      expect(got!.path).toBe('/hook');
      expect(got!.headers[SIGNATURE_HEADER.toLowerCase()]).toBe(sign(e.secret, got!.body));
      expect(got!.headers['x-parley-test']).toBe('true');
      expect(got!.headers['x-parley-event']).toBe(eventType);
      const body = JSON.parse(got!.body);
      expect(body.eventType).toBe(eventType);
      expect(body).toEqual(d.body);
    }
    expect(await db.auditEvent.count({ where: { entityId: e.id, action: 'webhook.test' } })).toBe(WEBHOOK_EVENTS.length);
  });

  it('reaches only this webhook, once: another endpoint subscribed to the same event gets nothing', async () => {
    const mine = await createEndpoint(db, 'acme_corp', { url: `${base}/mine`, events: ['template_status_update'] }, SYSTEM_ACTOR);
    await createEndpoint(db, 'acme_corp', { url: `${base}/theirs`, events: ['template_status_update'] }, SYSTEM_ACTOR);
    received.length = 0;
    await sendTestEvent(db, { accountId: 'acme_corp', endpointId: mine.id, actor: SYSTEM_ACTOR });
    await dispatchEvents(db);
    await deliverDue(db, { now: () => new Date(Date.now() + 3600_000) });
    expect(received.map((r) => r.path)).toEqual(['/mine']);
  });

  it('shows a failing receiver’s answer and does not retry it', async () => {
    const e = await createEndpoint(db, 'acme_corp', { url: `${base}/down`, events: ['inbound_message_received'] }, SYSTEM_ACTOR);
    status = 500;
    try {
      const d = await sendTestEvent(db, { accountId: 'acme_corp', endpointId: e.id, actor: SYSTEM_ACTOR });
      expect(d).toMatchObject({ status: 'failed', lastStatusCode: 500, lastError: 'HTTP 500', nextAttemptAt: null });
    } finally {
      status = 204;
    }
  });

  it('refuses an event the webhook does not take, and another account’s webhook', async () => {
    const e = await createEndpoint(db, 'acme_corp', { url: `${base}/one`, events: ['inbound_message_received'] }, SYSTEM_ACTOR);
    await expect(
      sendTestEvent(db, { accountId: 'acme_corp', endpointId: e.id, eventType: 'template_status_update', actor: SYSTEM_ACTOR }),
    ).rejects.toBeInstanceOf(ValidationError);
    const other = await createOtherTenant('umbrella');
    await expect(sendTestEvent(db, { accountId: other.accountId, endpointId: e.id, actor: SYSTEM_ACTOR })).rejects.toBeInstanceOf(NotFoundError);
  });
});
