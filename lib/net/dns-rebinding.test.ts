import http from 'node:http';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { seedDemoTenant } from '@/test/factories';
import type { StepContext } from '@/lib/automation/runner/types';
import { httpRequestStep } from '@/lib/automation/steps/http-request';
import { createEndpoint } from '@/lib/webhooks/endpoints';
import { deliverDue } from '@/lib/webhooks/deliver';
import { recordEvent } from '@/lib/events/record-event';
import { dispatchEvents } from '@/lib/webhooks/dispatch-events';
import { guardedFetch } from '@/lib/net/guarded-fetch';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

// No internet here, so loopback plays both parts: 127.0.0.1 is "a public server" and 127.0.0.2 "the
// private network" (still blocked by the real rules). The system resolver is scripted: each lookup
// takes the next answer, as a rebinding attacker's DNS server would hand them out.
vi.mock('@/lib/net/is-blocked-address', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/net/is-blocked-address')>();
  return { ...real, isBlockedAddress: (address: string) => address !== '127.0.0.1' && real.isBlockedAddress(address) };
});
const dnsAnswers: string[][] = [];
const lookups: string[] = [];
vi.mock('node:dns/promises', () => {
  const lookup = async (hostname: string) => {
    lookups.push(hostname);
    const answer = dnsAnswers.length > 1 ? dnsAnswers.shift()! : (dnsAnswers[0] ?? []);
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { default: { lookup }, lookup };
});

const PUBLIC = '127.0.0.1';
const PRIVATE = '127.0.0.2';
const hits: Record<string, string[]> = { [PUBLIC]: [], [PRIVATE]: [] };
const servers: http.Server[] = [];
let port = 0;

function listen(host: string, onPort: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits[host]!.push(`${req.method} ${req.url} host=${req.headers.host}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ servedBy: host }));
    });
  });
  servers.push(server);
  return new Promise((resolve, reject) => server.once('error', reject).listen(onPort, host, () => resolve(server)));
}

beforeAll(async () => {
  await seedDemoTenant();
  port = ((await listen(PUBLIC, 0)).address() as AddressInfo).port;
  await listen(PRIVATE, port);
  env.ALLOW_PRIVATE_NETWORK = false;
});
afterAll(() => {
  env.ALLOW_PRIVATE_NETWORK = true;
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});
beforeEach(() => {
  dnsAnswers.length = 0;
  lookups.length = 0;
  hits[PUBLIC]!.length = 0;
  hits[PRIVATE]!.length = 0;
});

describe('DNS rebinding', () => {
  it('resolves once per call and connects to the address it checked, not a later answer', async () => {
    dnsAnswers.push([PUBLIC], [PRIVATE]);
    const res = await guardedFetch(`http://rebind.test:${port}/first`);
    expect(await res.json()).toEqual({ servedBy: PUBLIC });
    expect(lookups).toEqual(['rebind.test']);
    expect(hits[PUBLIC]).toEqual([`GET /first host=rebind.test:${port}`]);
    // The next call asks again and gets the private answer: refused before connecting.
    await expect(guardedFetch(`http://rebind.test:${port}/second`)).rejects.toMatchObject({ reason: 'blocked', message: expect.stringContaining(PRIVATE) });
    expect(hits[PRIVATE]).toEqual([]);
  });

  it('refuses a name that resolves to a public and a private address at once, whichever comes first', async () => {
    for (const answer of [
      [PUBLIC, PRIVATE],
      [PRIVATE, PUBLIC],
      [PUBLIC, '::ffff:7f00:2'],
    ]) {
      dnsAnswers.length = 0;
      dnsAnswers.push(answer);
      await expect(guardedFetch(`http://both.test:${port}/`)).rejects.toMatchObject({ reason: 'blocked' });
    }
    expect(hits).toEqual({ [PUBLIC]: [], [PRIVATE]: [] });
  });

  it('keeps TLS on the host name (SNI) while connecting to the checked address', async () => {
    const names: string[] = [];
    // No certificate needed: the server sees the name in the ClientHello, then the handshake fails.
    const server = tls.createServer({ SNICallback: (name, cb) => (names.push(name), cb(new Error('no certificate here'))) });
    await new Promise<void>((r) => server.listen(0, PUBLIC, r));
    try {
      dnsAnswers.push([PUBLIC], [PRIVATE]);
      await expect(guardedFetch(`https://secure.rebind.test:${(server.address() as AddressInfo).port}/`)).rejects.toThrow();
      expect(names).toEqual(['secure.rebind.test']);
      expect(lookups).toEqual(['secure.rebind.test']);
    } finally {
      server.close();
    }
  });

  it('an HttpRequest step calls the checked address, and fails when the name now points inside', async () => {
    const run = (path: string) => httpRequestStep.run({ inputs: { url: `http://rebind.test:${port}${path}`, method: 'GET' } } as unknown as StepContext);
    dnsAnswers.push([PUBLIC], [PRIVATE]);
    expect(await run('/step')).toMatchObject({ kind: 'done', results: { responseCode: 200, responseBody: { servedBy: PUBLIC } } });
    expect(await run('/step-again')).toMatchObject({
      kind: 'fail',
      error: expect.stringMatching(/^Call failed\. Requests to rebind\.test \(127\.0\.0\.2\) are not allowed/),
    });
    expect(hits[PRIVATE]).toEqual([]);
  });

  it('a webhook registered while its name was public is not delivered once the name points inside', async () => {
    dnsAnswers.push([PUBLIC]);
    const endpoint = await createEndpoint(db, 'acme_corp', { url: `http://hooks.rebind.test:${port}/hook`, events: ['template_status_update'] }, SYSTEM_ACTOR);
    dnsAnswers.length = 0;
    dnsAnswers.push([PRIVATE]);
    await recordEvent(db, { accountId: 'acme_corp', eventType: 'template_status_update', body: { eventType: 'template_status_update' } });
    await dispatchEvents(db);
    expect(await deliverDue(db)).toBe(1);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastError: expect.stringMatching(/\(127\.0\.0\.2\) are not allowed/),
    });
    expect(hits).toEqual({ [PUBLIC]: [], [PRIVATE]: [] });
  });
});
