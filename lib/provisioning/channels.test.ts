import { beforeAll, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { decryptJson } from '@/lib/crypto/secret-box';
import { createSubAccount } from '@/lib/provisioning/create-sub-account';
import { createChannel } from '@/lib/provisioning/create-channel';
import { updateChannel } from '@/lib/provisioning/update-channel';
import { listChannels, listSubAccountsWithChannels } from '@/lib/provisioning/list-channels';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';

const creds = { apiKey: 'k-very-secret-0001', subAccountId: 'Acme_EU_8x8', webhookSecret: 'whsec-very-secret-0001' };
const SECRETS = [creds.apiKey, creds.webhookSecret];

beforeAll(async () => {
  await seedDemoTenant();
  await createSubAccount(db, SYSTEM_ACTOR, 'acme_corp', { id: 'acme_onboard', name: 'Onboarding' });
});

const noSecrets = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const s of [...SECRETS, 'k-rotated-0002', 'whsec-rotated-0002']) expect(text).not.toContain(s);
};

describe('subaccounts and channels', () => {
  it('creates a subaccount; a taken id is a 409 on the id field', async () => {
    await expect(createSubAccount(db, SYSTEM_ACTOR, 'acme_corp', { id: 'acme_onboard', name: 'Again' })).rejects.toMatchObject({
      status: 409,
      issues: [{ path: 'id' }],
    });
    await expect(createSubAccount(db, SYSTEM_ACTOR, 'acme_corp', { id: 'a b', name: 'Bad' })).rejects.toMatchObject({ status: 400, issues: [{ path: 'id' }] });
  });

  it('stores 8x8 credentials encrypted and answers only that they are set', async () => {
    const c = await createChannel(db, SYSTEM_ACTOR, 'acme_corp', 'acme_onboard', {
      id: 'onboard_wa',
      kind: 'whatsapp',
      address: '+447700900321',
      provider: '8x8',
      credentials: creds,
    });
    expect(c).toEqual({
      id: 'onboard_wa',
      subAccountId: 'acme_onboard',
      kind: 'whatsapp',
      name: 'WhatsApp +447700900321',
      address: '+447700900321',
      provider: '8x8',
      credentials: 'set',
      createdAt: expect.any(String),
    });
    const row = await db.channel.findUniqueOrThrow({ where: { id: 'onboard_wa' } });
    for (const s of SECRETS) expect(row.credentials).not.toContain(s);
    expect(decryptJson(row.credentials!)).toEqual(creds);
    noSecrets(await listChannels(db, 'acme_corp', 'acme_onboard'));
    noSecrets(await listSubAccountsWithChannels(db, 'acme_corp'));
    // The pickers' structure that many pages hand to the browser holds no credentials at all, not even encrypted.
    const structure = await listAccountStructure(db, 'acme_corp');
    expect(structure.flatMap((s) => s.channels).some((c) => 'credentials' in c)).toBe(false);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: 'onboard_wa', action: 'channel.create' } });
    noSecrets(audit);
    expect(audit.summary).toBe('Added WhatsApp channel “WhatsApp +447700900321” (+447700900321, 8x8) to subaccount acme_onboard');
  });

  it('checks the address by kind, and credentials by provider', async () => {
    const base = { id: 'onboard_bad', provider: 'sandbox' as const };
    const refused = async (input: object, path: string) =>
      expect(createChannel(db, SYSTEM_ACTOR, 'acme_corp', 'acme_onboard', { ...base, ...input } as never)).rejects.toMatchObject({
        status: 400,
        issues: expect.arrayContaining([expect.objectContaining({ path })]),
      });
    await refused({ kind: 'whatsapp', address: '6591234567' }, 'address');
    await refused({ kind: 'whatsapp', address: 'Acme' }, 'address');
    await refused({ kind: 'sms', address: 'TwelveLetters' }, 'address');
    await refused({ kind: 'sms', address: 'Acme Shop' }, 'address');
    await refused({ kind: 'voice', address: '+6591234567' }, 'kind');
    await refused({ kind: 'sms', address: 'Acme', provider: '8x8' }, 'credentials');
    await refused({ kind: 'sms', address: 'Acme', credentials: creds }, 'credentials');
    await refused({ kind: 'sms', address: 'Acme', provider: '8x8', credentials: { ...creds, apiKey: ' ' } }, 'credentials.apiKey');
    await refused({ kind: 'sms', address: 'Acme', provider: 'twilio' }, 'provider');
    expect(await db.channel.findUnique({ where: { id: 'onboard_bad' } })).toBeNull();
    // Both sender forms an SMS channel takes (one SMS channel per subaccount, so two subaccounts).
    await createSubAccount(db, SYSTEM_ACTOR, 'acme_corp', { id: 'acme_onboard_sms2', name: 'Second SMS' });
    for (const [sub, id, address] of [
      ['acme_onboard', 'onboard_sms_alpha', 'Acme'],
      ['acme_onboard_sms2', 'onboard_sms_num', '+6591234567'],
    ]) {
      expect((await createChannel(db, SYSTEM_ACTOR, 'acme_corp', sub!, { id: id!, kind: 'sms', address: address! })).provider).toBe('sandbox');
    }
  });

  it('refuses a taken channel id (409) and another tenant’s subaccount (404)', async () => {
    const other = await createOtherTenant();
    const input = { id: 'onboard_wa', kind: 'whatsapp' as const, address: '+447700900322' };
    await expect(createChannel(db, SYSTEM_ACTOR, 'acme_corp', 'acme_onboard', input)).rejects.toMatchObject({ status: 409, issues: [{ path: 'id' }] });
    await expect(createChannel(db, SYSTEM_ACTOR, 'acme_corp', other.subAccountId, { ...input, id: 'onboard_x' })).rejects.toMatchObject({ status: 404 });
    await expect(updateChannel(db, SYSTEM_ACTOR, 'acme_corp', other.subAccountId, other.channelId, { name: 'Mine' })).rejects.toMatchObject({ status: 404 });
    await expect(updateChannel(db, SYSTEM_ACTOR, other.accountId, 'acme_onboard', 'onboard_wa', { name: 'Mine' })).rejects.toMatchObject({ status: 404 });
  });

  it('renames and rotates credentials; blank fields keep the stored ones; the audit names fields only', async () => {
    const c = await updateChannel(db, SYSTEM_ACTOR, 'acme_corp', 'acme_onboard', 'onboard_wa', {
      name: 'UK number',
      credentials: { apiKey: 'k-rotated-0002', subAccountId: '', webhookSecret: '   ' },
    });
    expect(c).toMatchObject({ name: 'UK number', credentials: 'set' });
    noSecrets(c);
    const row = await db.channel.findUniqueOrThrow({ where: { id: 'onboard_wa' } });
    expect(decryptJson(row.credentials!)).toEqual({ ...creds, apiKey: 'k-rotated-0002' });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: 'onboard_wa', action: 'channel.update' } });
    expect(audit.summary).toBe('Changed channel “WhatsApp +447700900321”: renamed to “UK number”; rotated apiKey');
    noSecrets(audit);
    await expect(
      updateChannel(db, SYSTEM_ACTOR, 'acme_corp', 'acme_onboard', 'onboard_sms_alpha', { credentials: { apiKey: 'k-rotated-0002' } }),
    ).rejects.toMatchObject({ status: 400, issues: [{ path: 'credentials' }] });
    await expect(updateChannel(db, SYSTEM_ACTOR, 'acme_corp', 'acme_onboard', 'onboard_wa', {})).rejects.toMatchObject({ status: 400 });
  });

  it('says plainly that credentials cannot be stored on a server without CREDENTIALS_KEY (503), writing nothing', async () => {
    const key = env.CREDENTIALS_KEY;
    env.CREDENTIALS_KEY = undefined;
    try {
      const input = { id: 'onboard_nokey', kind: 'whatsapp' as const, address: '+447700900323', provider: '8x8' as const, credentials: creds };
      await expect(createChannel(db, SYSTEM_ACTOR, 'acme_corp', 'acme_onboard', input)).rejects.toMatchObject({
        status: 503,
        message: expect.stringContaining('CREDENTIALS_KEY'),
      });
      await expect(updateChannel(db, SYSTEM_ACTOR, 'acme_corp', 'acme_onboard', 'onboard_wa', { credentials: { apiKey: 'k' } })).rejects.toMatchObject({
        status: 503,
      });
      expect(await db.channel.findUnique({ where: { id: 'onboard_nokey' } })).toBeNull();
    } finally {
      env.CREDENTIALS_KEY = key;
    }
  });
});
