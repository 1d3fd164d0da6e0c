import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { GET as listAccounts, POST as createAccount } from '@/app/api/v1/partners/[partnerId]/accounts/route';
import { GET as getAccount, PATCH as patchAccount } from '@/app/api/v1/partners/[partnerId]/accounts/[accountId]/route';
import { POST as createSub } from '@/app/api/v1/accounts/[accountId]/subaccounts/route';
import { GET as listChannels, POST as createChannel } from '@/app/api/v1/subaccounts/[subAccountId]/channels/route';
import { GET as getChannel, PATCH as patchChannel } from '@/app/api/v1/subaccounts/[subAccountId]/channels/[channelId]/route';
import { createApiKey } from '@/lib/auth/api-keys';
import { createOtherTenant, createUserWithPermissions, DEMO_API_KEY, seedDemoTenant } from '@/test/factories';

type Handler = (req: Request, ctx: never) => Promise<Response>;
const creds = { apiKey: 'api-secret-123456', subAccountId: 'AcmeEU', webhookSecret: 'hook-secret-654321' };

async function call(handler: Handler, params: Record<string, string>, body?: unknown, key = DEMO_API_KEY, method = body === undefined ? 'GET' : 'POST') {
  const res = await handler(
    new Request('http://test/api/v1/probe', {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) } as never,
  );
  const text = await res.text();
  // No answer of any provisioning route may carry a secret it was given.
  for (const s of [creds.apiKey, creds.webhookSecret, 'rotated-secret-999']) expect(text).not.toContain(s);
  return { status: res.status, body: JSON.parse(text) };
}

const P = { partnerId: 'demo_partner' };
let other: Awaited<ReturnType<typeof createOtherTenant>>;

beforeAll(async () => {
  await seedDemoTenant();
  other = await createOtherTenant();
});

describe('provisioning API: accounts', () => {
  it('creates an account (201) with its region, lists and reads it', async () => {
    const created = await call(createAccount, P, { id: 'api_eu', name: 'API Europe', region: 'eu' });
    expect(created).toMatchObject({ status: 201, body: { id: 'api_eu', name: 'API Europe', region: 'eu', status: 'active' } });
    const list = await call(listAccounts, P);
    expect(list.status).toBe(200);
    expect(list.body.data.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['api_eu', 'acme_corp']));
    expect(list.body).toHaveProperty('nextCursor', null);
    expect(await call(getAccount, { ...P, accountId: 'api_eu' })).toMatchObject({ status: 200, body: { id: 'api_eu', regionLabel: 'Europe' } });
  });

  it('answers 409 for a taken id and 400 for a bad region, in the 8x8 error shape', async () => {
    const dup = await call(createAccount, P, { id: 'api_eu', name: 'Again', region: 'eu' });
    expect(dup).toMatchObject({ status: 409, body: { code: 1005, errors: [{ path: 'id' }], errorId: expect.any(String) } });
    const bad = await call(createAccount, P, { id: 'api_xx', name: 'X', region: 'europe' });
    expect(bad).toMatchObject({ status: 400, body: { code: 1005, message: "Invalid parameter(s): 'region'" } });
  });

  it('renames and suspends another account; refuses to suspend the key’s own', async () => {
    const patch = (accountId: string, body: unknown) => call(patchAccount, { ...P, accountId }, body, DEMO_API_KEY, 'PATCH');
    expect(await patch('api_eu', { name: 'API EU' })).toMatchObject({ status: 200, body: { name: 'API EU' } });
    expect(await patch('api_eu', { suspended: true })).toMatchObject({ status: 200, body: { status: 'suspended' } });
    expect(await patch('api_eu', { suspended: false })).toMatchObject({ status: 200, body: { status: 'active' } });
    expect(await patch('acme_corp', { suspended: true })).toMatchObject({ status: 409, body: { errors: [{ path: 'suspended' }] } });
    expect(await patch('api_eu', { region: 'na' })).toMatchObject({ status: 400 });
  });

  it('never reaches another partner: its path and its accounts are 404', async () => {
    expect((await call(listAccounts, { partnerId: other.partnerId })).status).toBe(404);
    expect((await call(createAccount, { partnerId: other.partnerId }, { id: 'api_theirs', name: 'Theirs' })).status).toBe(404);
    expect((await call(getAccount, { ...P, accountId: other.accountId })).status).toBe(404);
    expect((await call(patchAccount, { ...P, accountId: other.accountId }, { suspended: true }, DEMO_API_KEY, 'PATCH')).status).toBe(404);
    expect((await call(listAccounts, P, undefined, other.apiKey)).status).toBe(404);
    expect(await db.account.findUnique({ where: { id: 'api_theirs' } })).toBeNull();
  });
});

describe('provisioning API: a key made by a person', () => {
  it('reaches only the accounts its maker holds now, not every account of the partner', async () => {
    const maker = await createUserWithPermissions(['partners.accounts.manage', 'settings.apikeys.manage'], ['acme_corp']);
    const { secret } = await createApiKey(db, {
      accountId: 'acme_corp',
      name: 'Restricted maker',
      actor: { partnerId: 'demo_partner', userId: maker.id, label: maker.name },
      createdById: maker.id,
      scopes: ['partners.accounts.manage'],
    });
    await call(createAccount, P, { id: 'api_not_theirs', name: 'Not the maker’s', region: 'na' });
    const list = await call(listAccounts, P, undefined, secret);
    expect(list.body.data.map((a: { id: string }) => a.id)).toEqual(['acme_corp']);
    expect((await call(getAccount, { ...P, accountId: 'api_not_theirs' }, undefined, secret)).status).toBe(404);
    expect((await call(patchAccount, { ...P, accountId: 'api_not_theirs' }, { suspended: true }, secret, 'PATCH')).status).toBe(404);
    expect((await db.account.findUniqueOrThrow({ where: { id: 'api_not_theirs' } })).suspendedAt).toBeNull();
  });
});

describe('provisioning API: subaccounts and channels', () => {
  it('creates a subaccount (201, 409 again) and an 8x8 channel whose credentials are only "set"', async () => {
    expect(await call(createSub, { accountId: 'acme_corp' }, { id: 'acme_api_sub', name: 'API sub' })).toMatchObject({
      status: 201,
      body: { id: 'acme_api_sub' },
    });
    expect((await call(createSub, { accountId: 'acme_corp' }, { id: 'acme_api_sub', name: 'Again' })).status).toBe(409);
    const S = { subAccountId: 'acme_api_sub' };
    const created = await call(createChannel, S, { id: 'acme_api_wa', kind: 'whatsapp', address: '+447700900999', provider: '8x8', credentials: creds });
    expect(created).toMatchObject({ status: 201, body: { id: 'acme_api_wa', provider: '8x8', credentials: 'set' } });
    expect((await call(listChannels, S)).body.data).toEqual([expect.objectContaining({ id: 'acme_api_wa', credentials: 'set' })]);
    expect((await call(getChannel, { ...S, channelId: 'acme_api_wa' })).body).toMatchObject({ credentials: 'set' });
    const rotated = await call(patchChannel, { ...S, channelId: 'acme_api_wa' }, { credentials: { apiKey: 'rotated-secret-999' } }, DEMO_API_KEY, 'PATCH');
    expect(rotated).toMatchObject({ status: 200, body: { credentials: 'set' } });
  });

  it('answers 409 for a taken channel id and 400 for a bad address or missing credentials', async () => {
    const S = { subAccountId: 'acme_api_sub' };
    expect((await call(createChannel, S, { id: 'acme_api_wa', kind: 'sms', address: 'Acme' })).status).toBe(409);
    const badAddress = await call(createChannel, S, { id: 'acme_api_sms', kind: 'sms', address: 'Acme Shop Ltd' });
    expect(badAddress).toMatchObject({ status: 400, body: { code: 1005, errors: [{ path: 'address' }] } });
    const badWa = await call(createChannel, S, { id: 'acme_api_wa2', kind: 'whatsapp', address: '07700900999' });
    expect(badWa).toMatchObject({ status: 400, body: { errors: [{ path: 'address' }] } });
    expect((await call(createChannel, S, { id: 'acme_api_wa3', kind: 'whatsapp', address: '+447700900998', provider: '8x8' })).body).toMatchObject({
      errors: [{ path: 'credentials' }],
    });
  });

  it('never reaches another tenant’s subaccount or channel', async () => {
    const theirs = { subAccountId: other.subAccountId };
    expect((await call(listChannels, theirs)).status).toBe(404);
    expect((await call(createChannel, theirs, { id: 'sneaky', kind: 'sms', address: 'Acme' })).status).toBe(404);
    expect((await call(getChannel, { ...theirs, channelId: other.channelId })).status).toBe(404);
    expect((await call(patchChannel, { subAccountId: 'acme_api_sub', channelId: other.channelId }, { name: 'Mine' }, DEMO_API_KEY, 'PATCH')).status).toBe(404);
    expect((await call(createSub, { accountId: other.accountId }, { id: 'sneaky_sub', name: 'X' })).status).toBe(404);
    expect(await db.channel.findUnique({ where: { id: 'sneaky' } })).toBeNull();
  });
});
