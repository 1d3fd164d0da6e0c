import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createCustomerAccount } from '@/lib/partners/create-customer-account';
import { updateCustomerAccount } from '@/lib/provisioning/update-customer-account';
import { getCustomerAccount, listCustomerAccounts } from '@/lib/provisioning/list-customer-accounts';
import { createOtherTenant, createUserWithPermissions, seedDemoTenant } from '@/test/factories';
import type { AuditActor } from '@/lib/audit/record-audit-event';

let admin: AuditActor;
const setup: AuditActor = { partnerId: 'demo_partner', userId: null, label: 'setup' };

beforeAll(async () => {
  await seedDemoTenant();
  const u = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
  admin = { partnerId: u.partnerId, userId: u.id, label: u.email };
});

const audits = (entityId: string) => db.auditEvent.findMany({ where: { entityId, entityType: 'account' }, orderBy: { createdAt: 'asc' } });

describe('customer accounts', () => {
  it('creates an account in its region with a default subaccount, audited', async () => {
    const a = await createCustomerAccount(db, admin, { id: 'contoso_eu', name: 'Contoso EU', region: 'eu' });
    expect(a).toMatchObject({ id: 'contoso_eu', name: 'Contoso EU', region: 'eu', regionLabel: 'Europe', status: 'active', suspendedAt: null });
    expect(await db.subAccount.findUnique({ where: { id: 'contoso_eu' } })).toMatchObject({ accountId: 'contoso_eu' });
    expect(await audits('contoso_eu')).toMatchObject([
      { action: 'account.create', summary: 'Created customer account “Contoso EU” in Europe', actorLabel: admin.label },
    ]);
  });

  it('defaults to Asia Pacific and refuses a region that is not one of the four', async () => {
    expect((await createCustomerAccount(db, setup, { id: 'contoso_ap', name: 'Contoso AP' })).region).toBe('apac');
    await expect(createCustomerAccount(db, setup, { id: 'contoso_x', name: 'X', region: 'mars' as never })).rejects.toMatchObject({
      status: 400,
      issues: [{ path: 'region', message: 'Choose one of the regions: apac, eu, na or id' }],
    });
  });

  it('refuses a taken id with a 409 naming the field, whichever tenant holds it', async () => {
    const other = await createOtherTenant();
    for (const id of ['contoso_eu', 'acme_corp_chatapps', other.accountId]) {
      await expect(createCustomerAccount(db, setup, { id, name: 'Again' })).rejects.toMatchObject({ status: 409, issues: [{ path: 'id' }] });
    }
  });

  it('gives a creator limited to some accounts access to the account they made', async () => {
    const user = await createUserWithPermissions(['partners.accounts.manage']);
    const actor = { partnerId: 'demo_partner', userId: user.id, label: user.email };
    await createCustomerAccount(db, actor, { id: 'contoso_na', name: 'Contoso NA', region: 'na' });
    const { data } = await listCustomerAccounts(db, actor);
    expect(data.map((a) => a.id).sort()).toEqual(['acme_corp', 'contoso_na']);
    // ...and nothing else: another account of the partner is 404 to them.
    await expect(updateCustomerAccount(db, actor, 'contoso_eu', { name: 'Mine now' })).rejects.toMatchObject({ status: 404 });
  });

  it('renames, suspends and resumes, one audit entry each', async () => {
    expect(await updateCustomerAccount(db, admin, 'contoso_ap', { name: 'Contoso Asia' })).toMatchObject({ name: 'Contoso Asia', status: 'active' });
    const suspended = await updateCustomerAccount(db, admin, 'contoso_ap', { suspended: true });
    expect(suspended).toMatchObject({ status: 'suspended', suspendedAt: expect.any(String) });
    expect((await updateCustomerAccount(db, admin, 'contoso_ap', { suspended: false })).status).toBe('active');
    expect((await audits('contoso_ap')).map((e) => e.action)).toEqual(['account.create', 'account.rename', 'account.suspend', 'account.resume']);
    // Asking for the state it already has changes and records nothing.
    await updateCustomerAccount(db, admin, 'contoso_ap', { suspended: false, name: 'Contoso Asia' });
    expect(await audits('contoso_ap')).toHaveLength(4);
  });

  it('refuses an empty change, unknown fields and a region change', async () => {
    for (const change of [{}, { region: 'eu' }, { suspended: 'yes' }, { name: '' }]) {
      await expect(updateCustomerAccount(db, admin, 'contoso_ap', change as never)).rejects.toMatchObject({ status: 400 });
    }
  });

  it('a key may not suspend its own account, and no one reaches another partner’s account', async () => {
    await expect(updateCustomerAccount(db, setup, 'acme_corp', { suspended: true }, { callerAccountId: 'acme_corp' })).rejects.toMatchObject({ status: 409 });
    const other = await createOtherTenant();
    await expect(getCustomerAccount(db, admin, other.accountId)).rejects.toMatchObject({ status: 404 });
    await expect(updateCustomerAccount(db, admin, other.accountId, { suspended: true })).rejects.toMatchObject({ status: 404 });
    expect((await db.account.findUniqueOrThrow({ where: { id: other.accountId } })).suspendedAt).toBeNull();
  });

  it('lists newest first, a page at a time', async () => {
    const first = await listCustomerAccounts(db, setup, { limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).toBe(first.data[1]!.id);
    const rest = await listCustomerAccounts(db, setup, { limit: 500, cursor: first.nextCursor! });
    const all = [...first.data, ...rest.data].map((a) => a.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(['acme_corp', 'contoso_eu', 'contoso_ap', 'contoso_na']));
    expect(rest.nextCursor).toBeNull();
  });
});
