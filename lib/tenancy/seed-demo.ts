import crypto from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { BUILT_IN_ROLES } from '@/lib/auth/permissions';
import { hashPassword } from '@/lib/auth/password';
import { createApiKey } from '@/lib/auth/api-keys';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

export type SeedResult =
  | { seeded: false }
  | { seeded: true; adminEmail: string; adminPassword: string; passwordGenerated: boolean; apiKey: string; apiKeyGenerated: boolean };

export const DEMO_ADMIN_EMAIL = 'admin@example.com';

/** Seeds the demo tenant into an empty database; does nothing when any partner exists. */
export async function seedDemo(db: Db, opts: { adminPassword?: string; apiKey?: string; userPassword?: string } = {}): Promise<SeedResult> {
  if ((await db.partner.count()) > 0) return { seeded: false };
  const adminPassword = opts.adminPassword ?? crypto.randomBytes(12).toString('base64url');
  const userPassword = opts.userPassword ?? adminPassword;
  const [adminHash, userHash] = await Promise.all([hashPassword(adminPassword), hashPassword(userPassword)]);

  await db.$transaction(async (tx) => {
    await tx.partner.create({ data: { id: 'demo_partner', name: 'Demo Partner' } });
    await tx.account.create({ data: { id: 'acme_corp', partnerId: 'demo_partner', name: 'Acme Corp' } });
    await tx.subAccount.createMany({
      data: [
        { id: 'acme_corp', accountId: 'acme_corp', name: 'Acme Corp' },
        { id: 'acme_corp_chatapps', accountId: 'acme_corp', name: 'Acme Corp Chat Apps' },
      ],
    });
    await tx.channel.createMany({
      data: [
        { id: 'acme_corp_whatsapp', subAccountId: 'acme_corp_chatapps', kind: 'whatsapp', name: 'Acme WhatsApp', address: '+15550783881' },
        { id: 'acme_corp_main_whatsapp', subAccountId: 'acme_corp', kind: 'whatsapp', name: 'Acme Main WhatsApp', address: '+15550783882' },
        { id: 'acme_corp_sms', subAccountId: 'acme_corp', kind: 'sms', name: 'Acme SMS', address: 'Acme Corp' },
      ],
    });
    const roles: Record<string, string> = {};
    for (const r of BUILT_IN_ROLES) {
      const role = await tx.role.create({
        data: { partnerId: 'demo_partner', name: r.name, description: r.description, permissions: [...r.permissions], builtIn: true },
      });
      roles[r.name] = role.id;
    }
    await tx.user.create({
      data: {
        partnerId: 'demo_partner',
        email: DEMO_ADMIN_EMAIL,
        name: 'Demo Admin',
        passwordHash: adminHash,
        roleId: roles['Partner Admin'],
        allAccounts: true,
      },
    });
    const members = [
      { email: 'analyst@example.com', name: 'Sam Analyst', role: 'Support Analyst' },
      { email: 'sales@example.com', name: 'Riley Sales', role: 'Sales Viewer' },
    ];
    for (const m of members) {
      await tx.user.create({
        data: {
          partnerId: 'demo_partner',
          email: m.email,
          name: m.name,
          passwordHash: userHash,
          roleId: roles[m.role],
          accountAccess: { create: [{ accountId: 'acme_corp' }] },
        },
      });
    }
  });
  const key = await createApiKey(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', name: 'Demo key', secret: opts.apiKey });
  return {
    seeded: true,
    adminEmail: DEMO_ADMIN_EMAIL,
    adminPassword,
    passwordGenerated: !opts.adminPassword,
    apiKey: key.secret,
    apiKeyGenerated: !opts.apiKey,
  };
}
