import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJson } from '@/lib/api/read-json';
import { createApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import { GET as listSubaccounts } from '@/app/api/v1/accounts/[accountId]/subaccounts/route';
import { GET as unknownRoute } from '@/app/api/v1/[...path]/route';
import { createOtherTenant, DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

type Handler = (req: Request, ctx: never) => Promise<Response>;
const call = (handler: Handler, url: string, key: string | null, params: Record<string, unknown>, init: RequestInit = {}) =>
  handler(new Request(`http://test${url}`, { ...init, headers: key ? { Authorization: `Bearer ${key}` } : {} }), { params: Promise.resolve(params) } as never);

function expectErrorShape(body: Record<string, unknown>, code: number) {
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
  expect(new Date(body.timestamp as string).toISOString()).toBe(body.timestamp);
}

describe('withApiKey', () => {
  let other: Awaited<ReturnType<typeof createOtherTenant>>;
  beforeAll(async () => {
    await seedDemoTenant();
    other = await createOtherTenant();
  });

  it('answers 401 code 1200 without a key or with a wrong one', async () => {
    for (const key of [null, 'prl_not_a_key', '']) {
      const res = await call(listSubaccounts, '/api/v1/accounts/acme_corp/subaccounts', key, { accountId: 'acme_corp' });
      expect(res.status).toBe(401);
      expectErrorShape(await res.json(), 1200);
    }
  });

  it("serves the key's own account and records when the key was last used", async () => {
    const res = await call(listSubaccounts, '/api/v1/accounts/acme_corp/subaccounts', DEMO_API_KEY, { accountId: 'acme_corp' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.map((s: { subAccountId: string }) => s.subAccountId).sort()).toEqual(['acme_corp', 'acme_corp_chatapps']);
    const key = await db.apiKey.findFirstOrThrow({ where: { accountId: 'acme_corp', name: 'Demo key' } });
    expect(key.lastUsedAt).not.toBeNull();
  });

  it("never reaches another tenant's account: 404 both ways", async () => {
    const a = await call(listSubaccounts, `/api/v1/accounts/${other.accountId}/subaccounts`, DEMO_API_KEY, { accountId: other.accountId });
    expect(a.status).toBe(404);
    expectErrorShape(await a.json(), 1005);
    const b = await call(listSubaccounts, '/api/v1/accounts/acme_corp/subaccounts', other.apiKey, { accountId: 'acme_corp' });
    expect(b.status).toBe(404);
    const own = await call(listSubaccounts, `/api/v1/accounts/${other.accountId}/subaccounts`, other.apiKey, { accountId: other.accountId });
    expect((await own.json()).data.map((s: { subAccountId: string }) => s.subAccountId)).toEqual([other.subAccountId]);
  });

  it('refuses a revoked key', async () => {
    const { id, secret } = await createApiKey(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', name: 'short-lived' });
    expect((await call(listSubaccounts, '/api/v1/accounts/acme_corp/subaccounts', secret, { accountId: 'acme_corp' })).status).toBe(200);
    await revokeApiKey(db, 'acme_corp', id, SYSTEM_ACTOR);
    expect((await call(listSubaccounts, '/api/v1/accounts/acme_corp/subaccounts', secret, { accountId: 'acme_corp' })).status).toBe(401);
  });

  it('answers an unknown endpoint with a 404 in the error shape, after authenticating', async () => {
    expect((await call(unknownRoute, '/api/v1/nope', null, { path: ['nope'] })).status).toBe(401);
    const res = await call(unknownRoute, '/api/v1/nope', DEMO_API_KEY, { path: ['nope'] });
    expect(res.status).toBe(404);
    expectErrorShape(await res.json(), 1005);
  });

  it('turns malformed JSON and schema violations into 400 code 1005 naming the fields, and surprises into a 500 without details', async () => {
    const echo = withApiKey(async ({ req }) => Response.json(await readJson(req, z.object({ user: z.object({ msisdn: z.string() }) }))), { permission: null });
    const post = (body: string) =>
      echo(new Request('http://test/x', { method: 'POST', body, headers: { Authorization: `Bearer ${DEMO_API_KEY}` } }), {
        params: Promise.resolve({}),
      } as never);
    const bad = await post('{"user":');
    expect(bad.status).toBe(400);
    expectErrorShape(await bad.json(), 1005);
    const missing = await post('{"user":{}}');
    const body = await missing.json();
    expect(missing.status).toBe(400);
    expect(body.message).toBe("Invalid parameter(s): 'user.msisdn'");
    expect(body.errors[0].path).toBe('user.msisdn');
    expect((await post('{"user":{"msisdn":"+15551234567"}}')).status).toBe(200);

    const boom = withApiKey(
      async () => {
        throw new Error('secret internals');
      },
      { permission: null },
    );
    const res = await boom(new Request('http://test/x', { headers: { Authorization: `Bearer ${DEMO_API_KEY}` } }), { params: Promise.resolve({}) } as never);
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('secret internals');
  });
});
