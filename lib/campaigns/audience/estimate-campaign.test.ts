import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, db } from '@/lib/db/client';
import { dialectOf, write } from '@/lib/db/tx';
import { seedDemoTenant } from '@/test/factories';
import { estimateCampaign } from '@/lib/campaigns/audience/estimate-campaign';

const NOW = new Date('2026-12-05T12:00:00Z');
const estimate = (category: string, byCallingCode: Record<string, number>) =>
  write(db, (t) => estimateCampaign(t, { accountId: 'acme_corp', category, byCallingCode, now: NOW }));

beforeAll(async () => {
  await seedDemoTenant();
});

afterAll(async () => {
  if (dialectOf(db) === 'postgres') await closeDb(db);
});

describe('estimateCampaign', () => {
  it('prices each calling code at the rate card, others at "*", all messages charged', async () => {
    // Marketing: +65 0.0786, +1 0.025, +33 falls to "*" 0.0592.
    expect(await estimate('MARKETING', { '65': 10, '1': 4, '33': 1 })).toEqual({
      messages: 15,
      cost: { amount: 0.9452, currency: 'USD' },
      tierRemaining24h: 1000,
      byCallingCode: { '65': 10, '1': 4, '33': 1 },
    });
  });

  it('moves to the next volume tier where the month’s count crosses it', async () => {
    await db.monthlyVolume.create({ data: { accountId: 'acme_corp', month: '2026-12', category: 'utility', count: 99_999 } });
    // The first message at 0.004 (below 100,000 this month), the second at the 100,000 tier's 0.0038.
    expect((await estimate('utility', { '1': 2 })).cost).toEqual({ amount: 0.0078, currency: 'USD' });
  });

  it('says what the messaging-limit tier still allows in 24 hours, or null when unlimited', async () => {
    await db.businessConversation.createMany({
      data: [1, 2, 3].map((i) => ({ accountId: 'acme_corp', msisdn: `+659000000${i}`, openedAt: new Date(NOW.getTime() - i * 3600_000) })),
    });
    await db.businessConversation.create({ data: { accountId: 'acme_corp', msisdn: '+6590000009', openedAt: new Date(NOW.getTime() - 25 * 3600_000) } });
    expect((await estimate('marketing', { '65': 1 })).tierRemaining24h).toBe(997);
    await db.account.update({ where: { id: 'acme_corp' }, data: { messagingTier: 'TIER_UNLIMITED' } });
    expect((await estimate('marketing', { '65': 1 })).tierRemaining24h).toBeNull();
  });
});
