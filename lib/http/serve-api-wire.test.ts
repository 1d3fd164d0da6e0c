import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { startTestApiServer, type TestApiServer } from '@/test/api-server';
import { createApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import { createOtherTenant, DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

// How clients really talk HTTP to the API: headers, paths and bodies as integrations send them,
// through the production server (lib/http). Every answer is a success or the 8x8 error shape.
let server: TestApiServer;
let base: string;
let port: number;

beforeAll(async () => {
  await seedDemoTenant();
  server = await startTestApiServer();
  ({ base, port } = server);
});

afterAll(() => server.close());

const MESSAGES = '/api/v1/subaccounts/acme_corp_chatapps/messages';
const auth = { authorization: `Bearer ${DEMO_API_KEY}` };
const text = (t = 'Hi') => JSON.stringify({ user: { msisdn: '+15551234567' }, type: 'text', content: { text: t } });

async function expectError(res: Response, status: number, code: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = await res.json();
  expect(body).toMatchObject({ code, message: expect.any(String), errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
  return body;
}

/** Raw HTTP/1.1, for requests fetch() will not make (a broken Host header, hand-written chunks). */
function raw(request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let out = '';
    socket.on('data', (d) => (out += d));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = out.split('\r\n\r\n');
      resolve({ status: Number(head!.split(' ')[1]), body: rest.join('\r\n\r\n') });
    });
  });
}

describe('bodies', () => {
  it.each([
    ['application/json; charset=UTF-8', { 'content-type': 'application/json; charset=UTF-8' }],
    ['text/plain', { 'content-type': 'text/plain' }],
    ['no content type', {}],
  ])('reads a JSON body sent as %s', async (_what, headers) => {
    const res = await fetch(base + MESSAGES, { method: 'POST', headers: { ...auth, ...headers }, body: text() });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ umid: expect.any(String), status: { state: 'queued' } });
  });

  it('reads a body that starts with a UTF-8 byte-order mark', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text('Grüße 👋'))]);
    const res = await fetch(base + MESSAGES, { method: 'POST', headers: auth, body });
    expect(res.status).toBe(200);
    expect((await db.message.findUniqueOrThrow({ where: { id: (await res.json()).umid } })).content).toEqual({ text: 'Grüße 👋' });
  });

  it('reads a chunked body', async () => {
    const body = text('chunked');
    const res = await raw(
      `POST ${MESSAGES} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${DEMO_API_KEY}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n` +
        `5\r\n${body.slice(0, 5)}\r\n${(body.length - 5).toString(16)}\r\n${body.slice(5)}\r\n0\r\n\r\n`,
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: { state: 'queued' } });
  });

  it('answers 400, not 500, for malformed, empty and absurdly nested bodies', async () => {
    for (const body of ['{"user":', '', '[]', `{"user":${'['.repeat(50_000)}${']'.repeat(50_000)}}`]) {
      await expectError(await fetch(base + MESSAGES, { method: 'POST', headers: auth, body }), 400, 1005);
    }
  });
});

describe('paths', () => {
  it('refuses a JSON body over 5 MB with 413 in the error shape; uploads may be larger', async () => {
    const huge = JSON.stringify({ user: { msisdn: '+15551234567' }, type: 'text', content: { text: 'x'.repeat(6 * 1024 * 1024) } });
    await expectError(await fetch(`${base}${MESSAGES}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: huge }), 413, 1005);
  });

  it('applies the JSON limit whatever Content-Type the client claims (multipart on a JSON route is still 5 MB)', async () => {
    const before = await db.workflowInstance.count();
    const huge = JSON.stringify({ blob: 'x'.repeat(6 * 1024 * 1024) });
    const claims = ['multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'text/plain'];
    for (const type of claims) {
      await expectError(
        await fetch(`${base}/api/v1/accounts/acme_corp/triggers/http_request?subAccountId=acme_corp`, {
          method: 'POST',
          headers: { ...auth, 'content-type': type },
          body: huge,
        }),
        413,
        1005,
      );
      await expectError(await fetch(`${base}${MESSAGES}`, { method: 'POST', headers: { ...auth, 'content-type': type }, body: huge }), 413, 1005);
    }
    expect(await db.workflowInstance.count()).toBe(before);
  });

  it('serves a trailing slash and doubled slashes as the route itself', async () => {
    expect((await fetch(`${base}${MESSAGES}/`, { method: 'POST', headers: auth, body: text() })).status).toBe(200);
    expect((await fetch(`${base}/api/v1//subaccounts/acme_corp_chatapps//messages/?limit=1`, { headers: auth })).status).toBe(200);
  });

  it('decodes URL-encoded path parameters, and answers 400 for broken encoding', async () => {
    const res = await fetch(`${base}/api/v1/subaccounts/acme%5Fcorp%5Fchatapps/messages?limit=1`, { headers: auth });
    expect(res.status).toBe(200);
    await expectError(await fetch(`${base}/api/v1/subaccounts/acme%ZZ/messages`, { headers: auth }), 400, 1005);
    const slash = await expectError(await fetch(`${base}/api/v1/subaccounts/acme%2Fcorp/messages`, { headers: auth }), 404, 1005);
    expect(slash.message).toBe("Subaccount 'acme/corp' not found");
  });

  it('answers 405 with Allow for a method the route does not take', async () => {
    const res = await fetch(base + MESSAGES, { method: 'PATCH', headers: auth });
    await expectError(res, 405, 1005);
    expect(res.headers.get('allow')).toBe('GET, POST');
  });

  it('answers 400 naming the query parameter for a wrong type or range', async () => {
    for (const q of ['limit=abc', 'limit=0', 'limit=501', 'limit=2.5', 'status=lost', 'from=yesterday']) {
      const body = await expectError(await fetch(`${base}${MESSAGES}?${q}`, { headers: auth }), 400, 1005);
      expect(body.errors[0].path).toBe(q.split('=')[0]);
    }
  });

  it('does not fail on a Host header that is no valid authority', async () => {
    const res = await raw(`GET ${MESSAGES}?limit=1 HTTP/1.1\r\nHost: [::1\r\nAuthorization: Bearer ${DEMO_API_KEY}\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ data: expect.any(Array) });
  });
});

describe('Authorization header', () => {
  it.each([`bearer ${DEMO_API_KEY}`, `BEARER   ${DEMO_API_KEY}  `, `Bearer\t${DEMO_API_KEY}`])('accepts %j', async (authorization) => {
    expect((await fetch(`${base}${MESSAGES}?limit=1`, { headers: { authorization } })).status).toBe(200);
  });

  it.each([
    ['no header', {}],
    ['no scheme', { authorization: DEMO_API_KEY }],
    ['Basic', { authorization: `Basic ${Buffer.from(`x:${DEMO_API_KEY}`).toString('base64')}` }],
    ['an unknown key', { authorization: 'Bearer prl_unknown' }],
    ['two keys', { authorization: `Bearer ${DEMO_API_KEY} ${DEMO_API_KEY}` }],
  ])('answers 401/1200 for %s', async (_what, headers) => {
    await expectError(await fetch(`${base}${MESSAGES}?limit=1`, { headers }), 401, 1200);
  });

  it("refuses a revoked key at once, and answers 404 to another account's key", async () => {
    const { id, secret } = await createApiKey(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', name: 'wire' });
    expect((await fetch(`${base}${MESSAGES}?limit=1`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    await revokeApiKey(db, 'acme_corp', id, SYSTEM_ACTOR);
    await expectError(await fetch(`${base}${MESSAGES}?limit=1`, { headers: { authorization: `Bearer ${secret}` } }), 401, 1200);

    const other = await createOtherTenant();
    const theirs = { authorization: `Bearer ${other.apiKey}` };
    await expectError(await fetch(`${base}${MESSAGES}?limit=1`, { headers: theirs }), 404, 1005);
    await expectError(await fetch(base + MESSAGES, { method: 'POST', headers: theirs, body: text() }), 404, 1005);
    await expectError(await fetch(`${base}/api/v1/accounts/acme_corp/workflows`, { headers: theirs }), 404, 1005);
  });
});
