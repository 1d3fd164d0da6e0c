import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { campaignTemplate, countersAndRecount, storeCampaign } from '@/test/campaign-fixtures';
import { CampaignThrottle } from '@/lib/campaigns/dispatch/campaign-throttle';
import { dispatchCampaigns } from '@/lib/campaigns/dispatch/dispatch-campaigns';
import { resumeCampaign } from '@/lib/campaigns/lifecycle/resume-campaign';

beforeAll(async () => {
  await seedDemoTenant();
});

describe('the messaging-limit tier', () => {
  it('stops dispatch at the tier: 250 of 300 sent, the rest pending, the campaign paused with the reason', async () => {
    const tenant = await createOtherTenant('tiered');
    await db.account.update({ where: { id: tenant.accountId }, data: { messagingTier: 'TIER_250' } });
    const template = await campaignTemplate({ accountId: tenant.accountId, subAccountId: tenant.subAccountId, channelId: tenant.channelId });
    const id = await storeCampaign({
      templateName: template.name,
      recipients: 300,
      accountId: tenant.accountId,
      subAccountId: tenant.subAccountId,
      channelId: tenant.channelId,
    });
    // A throttle clock that moves a second per look: the tier, not the rate, stops this campaign.
    let t = 0;
    const throttle = new CampaignThrottle(() => (t += 1000));
    for (let i = 0; i < 60; i++) await dispatchCampaigns(db, { throttle });

    const c = await db.campaign.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ status: 'paused', pending: 50, queued: 250 });
    expect(c.stopReason).toMatch(/^Messaging limit reached: account tier TIER_250 allows business-initiated conversations with 250 unique users/);
    expect(await db.message.count({ where: { campaignId: id } })).toBe(250);
    const pending = await db.campaignRecipient.findMany({ where: { campaignId: id, status: 'pending' }, orderBy: { row: 'asc' } });
    expect(pending.map((r) => r.row)).toEqual(Array.from({ length: 50 }, (_, i) => 252 + i));

    // Resumed while the tier is still used up: it stops again at once, with nobody sent.
    await resumeCampaign(db, SYSTEM_ACTOR, tenant.accountId, id);
    for (let i = 0; i < 3; i++) await dispatchCampaigns(db, { throttle });
    expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'paused', pending: 50 });
    expect(await db.message.count({ where: { campaignId: id } })).toBe(250);
    const { counters, recount } = await countersAndRecount(id);
    expect(counters).toEqual(recount);
  });
});
