import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemo } from '@/lib/tenancy/seed-demo';
import { verifyPassword } from '@/lib/auth/password';
import { authenticateApiKey } from '@/lib/auth/api-keys';

describe('seedDemo', () => {
  it('seeds the demo tenant once, with a generated password and key when none are given', async () => {
    const res = await seedDemo(db);
    if (!res.seeded) throw new Error('expected a seed');
    expect(res.passwordGenerated && res.apiKeyGenerated).toBe(true);
    expect(res.adminPassword.length).toBeGreaterThanOrEqual(12);

    expect(await db.account.findMany({ select: { id: true } })).toEqual([{ id: 'acme_corp' }]);
    expect((await db.subAccount.findMany({ orderBy: { id: 'asc' } })).map((s) => s.id)).toEqual(['acme_corp', 'acme_corp_chatapps']);
    const channels = await db.channel.findMany({ orderBy: { id: 'asc' } });
    expect(channels.map((c) => [c.id, c.kind, c.subAccountId, c.provider])).toEqual([
      ['acme_corp_main_whatsapp', 'whatsapp', 'acme_corp', 'sandbox'],
      ['acme_corp_sms', 'sms', 'acme_corp', 'sandbox'],
      ['acme_corp_whatsapp', 'whatsapp', 'acme_corp_chatapps', 'sandbox'],
    ]);
    expect(channels.find((c) => c.id === 'acme_corp_whatsapp')!.address).toBe('+15550783881');
    expect(channels.find((c) => c.id === 'acme_corp_sms')!.address).toBe('Acme Corp');

    const roles = await db.role.findMany({ include: { users: true }, orderBy: { name: 'asc' } });
    expect(roles.map((r) => [r.name, r.users.length])).toEqual([
      ['Partner Admin', 1],
      ['Sales Viewer', 1],
      ['Support Analyst', 1],
    ]);
    expect(roles.find((r) => r.name === 'Support Analyst')!.permissions).toEqual(['logs.view', 'reports.view']);
    expect(roles.find((r) => r.name === 'Sales Viewer')!.permissions).toEqual(['dashboard.view', 'reports.view']);

    const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin.passwordHash, res.adminPassword)).toBe(true);
    expect(await authenticateApiKey(db, `Bearer ${res.apiKey}`)).toMatchObject({ accountId: 'acme_corp' });
    // The key itself is never stored.
    expect(JSON.stringify(await db.apiKey.findMany())).not.toContain(res.apiKey);

    expect(await seedDemo(db)).toEqual({ seeded: false });
  });
});
