import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { authenticateApiKey, createApiKey, createApiKeyInput, listApiKeys } from '@/lib/auth/api-keys';
import { loadPrincipal } from '@/lib/auth/principal';
import type { Permission } from '@/lib/auth/permissions';
import { NotFoundError, PermissionError } from '@/lib/errors';
import { createOtherTenant, createUserWithPermissions, DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

// Issue 12: API keys get scopes chosen when the key is made, never more than its maker holds.
async function principalWith(permissions: Permission[], accounts = ['acme_corp']) {
  const user = await createUserWithPermissions(permissions, accounts);
  return (await loadPrincipal(db, user.id))!;
}

let other: Awaited<ReturnType<typeof createOtherTenant>>;
beforeAll(async () => {
  await seedDemoTenant();
  other = await createOtherTenant();
});

describe('API key scopes', () => {
  it('a key made before scopes existed keeps full access (scopes: null) on its principal and in the list', async () => {
    expect(await authenticateApiKey(db, `Bearer ${DEMO_API_KEY}`)).toMatchObject({ accountId: 'acme_corp', scopes: null });
    expect((await listApiKeys(db, 'acme_corp')).find((k) => k.prefix === DEMO_API_KEY.slice(0, 10))!.scopes).toBeNull();
  });

  it('a key made by a person carries exactly the scopes chosen, on its principal and in the list', async () => {
    const maker = await principalWith(['settings.apikeys.manage', 'templates.view', 'templates.write', 'logs.view']);
    const key = await createApiKey(db, {
      actor: SYSTEM_ACTOR,
      accountId: 'acme_corp',
      name: 'Templates only',
      scopes: ['templates.view', 'templates.write'],
      creator: maker,
    });
    expect(await authenticateApiKey(db, `Bearer ${key.secret}`)).toMatchObject({ keyId: key.id, scopes: ['templates.view', 'templates.write'] });
    expect((await listApiKeys(db, 'acme_corp')).find((k) => k.id === key.id)).toMatchObject({
      scopes: ['templates.view', 'templates.write'],
      createdBy: maker.email,
    });
  });

  it('refuses scopes the maker does not hold, beside the scopes field, and stores nothing', async () => {
    const maker = await principalWith(['settings.apikeys.manage', 'logs.view']);
    const err = await createApiKey(db, {
      actor: SYSTEM_ACTOR,
      accountId: 'acme_corp',
      name: 'Too wide',
      scopes: ['logs.view', 'partners.users.manage'],
      creator: maker,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(PermissionError);
    expect(err.issues).toEqual([{ path: 'scopes', message: expect.stringMatching(/Manage Users/) }]);
    // A person cannot make a full-access key either: null would include every future permission.
    await expect(createApiKey(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', name: 'Too wide', creator: maker })).rejects.toBeInstanceOf(PermissionError);
    expect(await db.apiKey.count({ where: { name: 'Too wide' } })).toBe(0);
  });

  it('checks the account and the permission where the key is made', async () => {
    const maker = await principalWith(['settings.apikeys.manage', 'logs.view'], ['acme_corp']);
    await expect(
      createApiKey(db, { actor: SYSTEM_ACTOR, accountId: other.accountId, name: 'Elsewhere', scopes: ['logs.view'], creator: maker }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const noManage = await principalWith(['logs.view']);
    await expect(
      createApiKey(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', name: 'Elsewhere', scopes: ['logs.view'], creator: noManage }),
    ).rejects.toBeInstanceOf(PermissionError);
    expect(await db.apiKey.count({ where: { name: 'Elsewhere' } })).toBe(0);
  });

  it('the form schema wants at least one known scope and keeps them in the table’s order', () => {
    expect(createApiKeyInput.safeParse({ name: 'k', scopes: [] }).error?.issues[0]).toMatchObject({ path: ['scopes'], message: 'Choose at least one scope' });
    expect(createApiKeyInput.safeParse({ name: 'k', scopes: ['root.everything'] }).success).toBe(false);
    expect(createApiKeyInput.parse({ name: 'k', scopes: ['templates.view', 'logs.view', 'logs.view'] }).scopes).toEqual(['logs.view', 'templates.view']);
  });
});
