import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { campaignTemplate, storeCampaign } from '@/test/campaign-fixtures';
import { dispatchBatch } from '@/lib/campaigns/dispatch/dispatch-batch';

// A batch reads what its recipients' sends need once (lib/messaging/send-batch.ts) and keeps it current
// as it stores them: these are the per-recipient answers the reads must still give.

beforeAll(async () => {
  await seedDemoTenant();
});

const A = '+15553900001';
const B = '+15553900002'; // opted out
const C = '+15553900003'; // inside its customer service window
const D = '+15553900004'; // counted against the tier an hour ago
const F = '+15553900006';

describe('a campaign batch', () => {
  it('counts each user once, skips opted-out numbers and open windows, and stops at the tier’s last place', async () => {
    const tenant = await createOtherTenant('batchreads');
    await db.account.update({ where: { id: tenant.accountId }, data: { messagingTier: 'TIER_250' } });
    const template = await campaignTemplate({ accountId: tenant.accountId, subAccountId: tenant.subAccountId, channelId: tenant.channelId });
    const hourAgo = new Date(Date.now() - 3600_000);
    // 249 users in the last 24 h: 248 others and D. One place is left.
    await db.businessConversation.createMany({
      data: [...Array.from({ length: 248 }, (_, i) => ({ msisdn: `+1555391${String(i).padStart(4, '0')}` })), { msisdn: D }].map((r) => ({
        accountId: tenant.accountId,
        msisdn: r.msisdn,
        openedAt: hourAgo,
      })),
    });
    await db.optOut.create({ data: { accountId: tenant.accountId, msisdn: B, source: 'keyword', optedOutAt: hourAgo } });
    await db.conversationWindow.create({ data: { subAccountId: tenant.subAccountId, msisdn: C, cswExpiresAt: new Date(Date.now() + 3600_000) } });
    const id = await storeCampaign({
      templateName: template.name,
      recipients: [A, B, C, D, A, F].map((msisdn) => ({ msisdn })),
      accountId: tenant.accountId,
      subAccountId: tenant.subAccountId,
      channelId: tenant.channelId,
    });

    const outcome = await write(db, (t) => dispatchBatch(t, id, 50, new Date()));

    // A takes the last place; B (opted out), C (window open), D (counted) and A again are free; F is refused.
    expect(outcome).toMatchObject({ queued: 5, failed: 0 });
    expect(outcome.stopReason).toMatch(/^Messaging limit reached: account tier TIER_250/);
    expect(await db.businessConversation.count({ where: { accountId: tenant.accountId } })).toBe(250);
    expect(await db.businessConversation.count({ where: { accountId: tenant.accountId, msisdn: { in: [A, B, C, F] } } })).toBe(1);
    const recipients = await db.campaignRecipient.findMany({ where: { campaignId: id }, orderBy: { row: 'asc' } });
    expect(recipients.map((r) => r.status)).toEqual(['queued', 'queued', 'queued', 'queued', 'queued', 'pending']);
    const messages = await db.message.findMany({ where: { campaignId: id }, select: { id: true, msisdn: true, opensConversation: true } });
    expect(messages.map((m) => m.msisdn).sort()).toEqual([A, A, B, C, D]);
    // The batch's recipients are moved together at its end: each to its own message.
    const byId = new Map(messages.map((m) => [m.id, m.msisdn]));
    expect(recipients.map((r) => (r.umid ? byId.get(r.umid) : null))).toEqual([A, B, C, D, A, null]);
    expect(new Set(recipients.map((r) => r.umid)).size).toBe(6);
    // Business-initiated (outside a window, not opted out): A, D and A again; the tier counted only A anew.
    expect(
      messages
        .filter((m) => m.opensConversation)
        .map((m) => m.msisdn)
        .sort(),
    ).toEqual([A, A, D]);
    // The opted-out number's message is rejected by the outbox, never sent.
    const jobs = await db.messageJob.findMany({ where: { messageId: { in: messages.map((m) => m.id) } }, select: { messageId: true, kind: true } });
    const kindOf = (msisdn: string) => jobs.filter((j) => messages.find((m) => m.id === j.messageId)!.msisdn === msisdn).map((j) => j.kind);
    expect(kindOf(B)).toEqual(['status']);
    expect(kindOf(C)).toEqual(['send']);
    expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'paused', pending: 1, queued: 5 });
  });
});
