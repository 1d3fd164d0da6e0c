import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createApiKey } from '@/lib/auth/api-keys';
import { API_BURST_SECONDS, takeApiCall } from '@/lib/api/api-rate-limit';
import { TokenBuckets } from '@/lib/messaging/token-bucket';
import { env } from '@/lib/env';
import { GET as listSubaccounts } from '@/app/api/v1/accounts/[accountId]/subaccounts/route';
import { GET as listTemplates } from '@/app/api/v1/accounts/[accountId]/channels/[channelId]/templates/route';
import { DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { takeShared } from '@/lib/messaging/shared-rate';

const subaccounts = (key: string) =>
  listSubaccounts(new Request('http://test/api/v1/accounts/acme_corp/subaccounts', { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({ accountId: 'acme_corp' }),
  });
const templates = (key: string) =>
  listTemplates(new Request('http://test/api/v1/accounts/acme_corp/channels/acme_corp_whatsapp/templates', { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({ accountId: 'acme_corp', channelId: 'acme_corp_whatsapp' }),
  });

async function keyLimitedTo(rateLimit: number): Promise<string> {
  const { id, secret } = await createApiKey(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', name: `limited to ${rateLimit}/s` });
  await db.apiKey.update({ where: { id }, data: { rateLimit } });
  return secret;
}

describe('per-key API rate limit', () => {
  beforeAll(async () => {
    await seedDemoTenant();
  });

  it('allows the burst, then answers 429 in the 8x8 shape with Retry-After, across routes; other keys go on', async () => {
    const key = await keyLimitedTo(1);
    const burst = 1 * API_BURST_SECONDS;
    for (let i = 0; i < burst; i++) expect((await (i % 2 ? templates(key) : subaccounts(key))).status).toBe(200);
    const refused = await templates(key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    const body = await refused.json();
    expect(body).toMatchObject({ code: 1005 });
    expect(body.message).toMatch(/^Too many requests: this API key may make 1 requests per second \(bursts of up to 5\); retry after 1 s$/);
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    expect((await subaccounts(DEMO_API_KEY)).status).toBe(200);
    // After Retry-After, one more call is allowed (the bucket refills at the key's rate).
    await new Promise((r) => setTimeout(r, 1000));
    expect((await subaccounts(key)).status).toBe(200);
  });

  it.skipIf(process.env.TEST_DATABASE !== 'postgres')(
    "on PostgreSQL a key's calls draw from its shared bucket, which another web process's calls empty too",
    async () => {
      const { id, secret } = await createApiKey(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', name: 'shared by two processes' });
      await db.apiKey.update({ where: { id }, data: { rateLimit: 1 } });
      expect((await subaccounts(secret)).status).toBe(200);
      expect(await db.rateBucket.findUnique({ where: { key: `api-key:${id}` } })).toMatchObject({ tokens: API_BURST_SECONDS - 1 });
      // Another web process serves the rest of the burst: this one has nothing left either.
      const elsewhere = await takeShared(db, { key: `api-key:${id}`, ratePerSecond: 1, capacity: API_BURST_SECONDS, want: API_BURST_SECONDS, now: Date.now() });
      expect(elsewhere.granted).toBe(API_BURST_SECONDS - 1);
      expect((await subaccounts(secret)).status).toBe(429);
    },
  );

  it('a key without its own limit gets API_RATE_LIMIT_PER_SECOND with bursts of API_BURST_SECONDS of it', async () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const key = { keyId: 'k', rateLimit: null };
    const burst = env.API_RATE_LIMIT_PER_SECOND * API_BURST_SECONDS;
    for (let i = 0; i < burst; i++) expect((await takeApiCall(key, db, buckets)).retryAfterMs).toBe(0);
    expect(await takeApiCall(key, db, buckets)).toMatchObject({ ratePerSecond: env.API_RATE_LIMIT_PER_SECOND, burst });
    expect((await takeApiCall(key, db, buckets)).retryAfterMs).toBeGreaterThan(0);
    now += 1000;
    for (let i = 0; i < env.API_RATE_LIMIT_PER_SECOND; i++) expect((await takeApiCall(key, db, buckets)).retryAfterMs).toBe(0);
    expect((await takeApiCall(key, db, buckets)).retryAfterMs).toBeGreaterThan(0);
  });
});
