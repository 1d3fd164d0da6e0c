import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { startTestApiServer, type TestApiServer } from '@/test/api-server';
import { DEMO_API_KEY, seedDemoTenant } from '@/test/factories';

// The custom server's API path over real HTTP: the same route handlers Next serves, answered by
// Node's http server through lib/http.
let server: TestApiServer;
let base: string;

beforeAll(async () => {
  await seedDemoTenant();
  server = await startTestApiServer();
  base = server.base;
});

afterAll(() => server.close());

const auth = { authorization: `Bearer ${DEMO_API_KEY}` };

describe('REST API through the custom server', () => {
  it('accepts a send and answers in the reference shape', async () => {
    const res = await fetch(`${base}/api/v1/subaccounts/acme_corp_chatapps/messages`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { msisdn: '+6591234567' }, type: 'text', content: { text: 'Hi' }, clientMessageId: 'bridge-1' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = await res.json();
    expect(body).toMatchObject({ umid: expect.any(String), clientMessageId: 'bridge-1', status: { state: 'queued' } });
    expect(await db.message.findUnique({ where: { id: body.umid } })).toMatchObject({ msisdn: '+6591234567', direction: 'outbound' });
  });

  it('reads query strings and path parameters (Logs API)', async () => {
    const res = await fetch(`${base}/api/v1/subaccounts/acme_corp_chatapps/messages?msisdn=%2B6591234567&limit=5`, { headers: auth });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.map((m: { user: { msisdn: string } }) => m.user.msisdn)).toEqual(['+6591234567']);
  });

  it('gives the 8x8 error shape for a bad key, bad JSON, an unknown path and a wrong method', async () => {
    const noKey = await fetch(`${base}/api/v1/subaccounts/acme_corp_chatapps/messages`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ code: 1200, errorId: expect.any(String), timestamp: expect.any(String) });

    const badJson = await fetch(`${base}/api/v1/subaccounts/acme_corp_chatapps/messages`, { method: 'POST', headers: auth, body: '{"user":' });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ code: 1005 });

    const unknown = await fetch(`${base}/api/v1/no/such/thing`, { headers: auth });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 1005, message: expect.stringContaining('/api/v1/no/such/thing') });

    const wrongMethod = await fetch(`${base}/api/v1/accounts/acme_corp/steps/timezones`, { method: 'DELETE', headers: auth });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toContain('GET');
  });

  it('answers HEAD without a body and OPTIONS with the allowed methods', async () => {
    const head = await fetch(`${base}/api/v1/accounts/acme_corp/steps/timezones`, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const options = await fetch(`${base}/api/v1/accounts/acme_corp/workflows`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, POST, OPTIONS');
  });

  it('passes multipart uploads through to the handler', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const form = new FormData();
    form.set('file', new Blob([png], { type: 'image/png' }), 'pixel.png');
    const res = await fetch(`${base}/api/v1/subaccounts/acme_corp_chatapps/files`, { method: 'POST', headers: auth, body: form });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ mimeType: 'image/png', size: png.length });
  });
});
