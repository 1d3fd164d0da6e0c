import crypto from 'node:crypto';
import { db } from '@/lib/db/client';
import { seedDemo } from '@/lib/tenancy/seed-demo';
import { createApiKey } from '@/lib/auth/api-keys';
import { hashPassword } from '@/lib/auth/password';
import type { Permission } from '@/lib/auth/permissions';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

export const TEST_PASSWORD = 'correct-horse-battery';
export const DEMO_API_KEY = 'prl_test_demo_key_0123456789';

/** The demo tenant, seeded once per test file's database. */
export async function seedDemoTenant() {
  await seedDemo(db, { adminPassword: TEST_PASSWORD, apiKey: DEMO_API_KEY });
  return { accountId: 'acme_corp', apiKey: DEMO_API_KEY };
}

/** A second partner with its own account, subaccount, WhatsApp channel and API key: the "other tenant". */
export async function createOtherTenant(prefix = 'globex') {
  const suffix = crypto.randomBytes(3).toString('hex');
  const partnerId = `${prefix}_partner_${suffix}`;
  const accountId = `${prefix}_${suffix}`;
  await db.partner.create({ data: { id: partnerId, name: `${prefix} partner` } });
  await db.account.create({ data: { id: accountId, partnerId, name: `${prefix} account` } });
  await db.subAccount.create({ data: { id: accountId, accountId, name: `${prefix} sub` } });
  await db.channel.create({ data: { id: `${accountId}_whatsapp`, subAccountId: accountId, kind: 'whatsapp', name: 'WA', address: '+15550001111' } });
  const key = await createApiKey(db, { actor: SYSTEM_ACTOR, accountId, name: 'other' });
  return { partnerId, accountId, subAccountId: accountId, channelId: `${accountId}_whatsapp`, apiKey: key.secret };
}

/** A user of the demo partner with a role holding exactly `permissions`. */
export async function createUserWithPermissions(permissions: Permission[], accounts: string[] = ['acme_corp']) {
  const suffix = crypto.randomBytes(3).toString('hex');
  const role = await db.role.create({ data: { partnerId: 'demo_partner', name: `role_${suffix}`, permissions } });
  return db.user.create({
    data: {
      partnerId: 'demo_partner',
      email: `user_${suffix}@example.com`,
      name: `User ${suffix}`,
      passwordHash: await hashPassword(TEST_PASSWORD),
      roleId: role.id,
      accountAccess: { create: accounts.map((accountId) => ({ accountId })) },
    },
  });
}

/** A webhook endpoint of the demo account taking `events` (events are stored only for a subscriber). */
export async function subscribeWebhook(events: string[], opts: { accountId?: string; subAccountId?: string | null; url?: string } = {}) {
  return db.webhookEndpoint.create({
    data: {
      accountId: opts.accountId ?? 'acme_corp',
      subAccountId: opts.subAccountId ?? null,
      url: opts.url ?? 'https://hooks.example.com/parley',
      events,
      secret: 'whsec_test',
    },
  });
}
