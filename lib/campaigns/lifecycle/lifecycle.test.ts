import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { drainOutbox } from '@/test/messaging-helpers';
import { campaignTemplate, countersAndRecount, storeCampaign } from '@/test/campaign-fixtures';
import { CampaignThrottle } from '@/lib/campaigns/dispatch/campaign-throttle';
import { dispatchCampaigns } from '@/lib/campaigns/dispatch/dispatch-campaigns';
import { cancelCampaign } from '@/lib/campaigns/lifecycle/cancel-campaign';
import { launchCampaign } from '@/lib/campaigns/lifecycle/launch-campaign';
import { pauseCampaign } from '@/lib/campaigns/lifecycle/pause-campaign';
import { resumeCampaign } from '@/lib/campaigns/lifecycle/resume-campaign';
import { retryFailedCampaign } from '@/lib/campaigns/lifecycle/retry-failed-campaign';
import { testSendCampaign } from '@/lib/campaigns/lifecycle/test-send-campaign';

const ACCOUNT = 'acme_corp';
let template: string;

async function settle(id: string, throttle = new CampaignThrottle()) {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    await dispatchCampaigns(db, { throttle });
    await drainOutbox();
    const c = await db.campaign.findUniqueOrThrow({ where: { id } });
    // Completed once every message left the outbox: their later receipts still arrive.
    if (c.status !== 'running') return drainOutbox().then(() => db.campaign.findUniqueOrThrow({ where: { id } }));
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('campaign did not settle');
}

const audits = (id: string) => db.auditEvent.findMany({ where: { entityType: 'campaign', entityId: id }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  await seedDemoTenant();
  template = (await campaignTemplate()).name;
});

describe('campaign lifecycle', () => {
  it('pause stops dispatch where it is; resume carries on and nobody is sent twice', async () => {
    const id = await storeCampaign({ templateName: template, recipients: 60, ratePerSecond: 20 });
    let clock = 0;
    const throttle = new CampaignThrottle(() => clock);
    for (; clock <= 500; clock += 50) await dispatchCampaigns(db, { throttle });
    const before = await db.message.count({ where: { campaignId: id } });
    expect(before).toBe(11);

    const paused = await pauseCampaign(db, SYSTEM_ACTOR, ACCOUNT, id);
    expect(paused).toMatchObject({ status: 'paused', counts: { pending: 49, queued: 11 } });
    for (; clock <= 2000; clock += 50) await dispatchCampaigns(db, { throttle });
    expect(await db.message.count({ where: { campaignId: id } })).toBe(before);
    await expect(pauseCampaign(db, SYSTEM_ACTOR, ACCOUNT, id)).rejects.toMatchObject({ status: 409 });

    const resumed = await resumeCampaign(db, SYSTEM_ACTOR, ACCOUNT, id);
    expect(resumed.status).toBe('running');
    expect(resumed).not.toHaveProperty('stopReason');
    const done = await settle(id);
    expect(done).toMatchObject({ status: 'completed', pending: 0, queued: 0, read: 60 });
    const messages = await db.message.groupBy({ by: ['clientMessageId'], where: { campaignId: id }, _count: true });
    expect(messages).toHaveLength(60);
    expect(messages.every((m) => m._count === 1)).toBe(true);
    expect((await audits(id)).map((a) => a.action)).toEqual(['campaign.pause', 'campaign.resume']);
    const { counters, recount } = await countersAndRecount(id);
    expect(counters).toEqual(recount);
  });

  it('cancel skips the pending recipients; a cancelled campaign refuses everything; another account gets 404', async () => {
    const id = await storeCampaign({ templateName: template, recipients: 30, status: 'paused' });
    const other = await createOtherTenant();
    await expect(cancelCampaign(db, SYSTEM_ACTOR, other.accountId, id)).rejects.toMatchObject({ status: 404 });
    expect(await cancelCampaign(db, SYSTEM_ACTOR, ACCOUNT, id)).toMatchObject({ status: 'cancelled', counts: { pending: 0, skipped: 30 } });
    expect(await db.campaignRecipient.count({ where: { campaignId: id, status: 'skipped' } })).toBe(30);
    for (const action of [cancelCampaign, pauseCampaign, resumeCampaign, launchCampaign, retryFailedCampaign]) {
      await expect(action(db, SYSTEM_ACTOR, ACCOUNT, id)).rejects.toMatchObject({ status: 409 });
    }
    await dispatchCampaigns(db, { throttle: new CampaignThrottle() });
    expect(await db.message.count({ where: { campaignId: id } })).toBe(0);
  });

  it('retry-failed sends again only to retryable failures, under a new key per attempt', async () => {
    await db.optOut.create({ data: { accountId: ACCOUNT, msisdn: '+15553500001', source: 'keyword', optedOutAt: new Date() } });
    const id = await storeCampaign({
      templateName: template,
      recipients: [
        { msisdn: '+15553510000' }, // unreachable: 1003
        { msisdn: '+15553520000' }, // unreachable: 1003
        { msisdn: '+15553500001' }, // opted out after import: 131050
        { msisdn: '+15553500002' }, // delivered and read
        { msisdn: '+15553500003', status: 'failed', errorCode: 131026 }, // undeliverable: for good
        { msisdn: '+15553500004', status: 'failed', errorCode: 3041 }, // invalid parameter: for good
      ],
    });
    await settle(id);
    await expect(resumeCampaign(db, SYSTEM_ACTOR, ACCOUNT, id)).rejects.toMatchObject({ status: 409 });
    const retried = await retryFailedCampaign(db, SYSTEM_ACTOR, ACCOUNT, id);
    expect(retried).toMatchObject({ status: 'running', counts: { pending: 2, failed: 2, skipped: 1, read: 1 } });
    expect(retried).not.toHaveProperty('completedAt');
    const back = await db.campaignRecipient.findMany({ where: { campaignId: id, status: 'pending' }, orderBy: { row: 'asc' } });
    expect(back.map((r) => [r.msisdn, r.attempt, r.errorCode])).toEqual([
      ['+15553510000', 1, null],
      ['+15553520000', 1, null],
    ]);
    const done = await settle(id);
    expect(done).toMatchObject({ status: 'completed', failed: 4, skipped: 1, read: 1 });
    const keys = (await db.message.findMany({ where: { campaignId: id, msisdn: '+15553510000' }, orderBy: { createdAt: 'asc' } })).map(
      (m) => m.clientMessageId,
    );
    expect(keys).toEqual([`campaign:${id}:2`, `campaign:${id}:2:r1`]);
    // Only the two unreachable recipients were sent again.
    expect(await db.message.count({ where: { campaignId: id } })).toBe(6);
    expect(await db.campaignRecipient.findUniqueOrThrow({ where: { campaignId_row: { campaignId: id, row: 4 } } })).toMatchObject({
      status: 'skipped',
      errorCode: 131050,
      attempt: 0,
    });
    const { counters, recount } = await countersAndRecount(id);
    expect(counters).toEqual(recount);
  });

  it('retry-failed with nothing retryable is a 409', async () => {
    const id = await storeCampaign({
      templateName: template,
      recipients: [{ msisdn: '+15553530001', status: 'failed', errorCode: 131050 }],
      status: 'completed',
    });
    await expect(retryFailedCampaign(db, SYSTEM_ACTOR, ACCOUNT, id)).rejects.toMatchObject({ status: 409 });
  });

  it('launch: a draft runs now; a template no longer approved is refused with 3038', async () => {
    const id = await storeCampaign({ templateName: template, recipients: 3, status: 'draft' });
    const launched = await launchCampaign(db, SYSTEM_ACTOR, ACCOUNT, id);
    expect(launched).toMatchObject({ status: 'running', startedAt: expect.any(String) });
    expect(launched).not.toHaveProperty('scheduledAt');
    await expect(launchCampaign(db, SYSTEM_ACTOR, ACCOUNT, id)).rejects.toMatchObject({ status: 409 });
    expect((await settle(id)).status).toBe('completed');

    const t = await campaignTemplate();
    const blocked = await storeCampaign({ templateName: t.name, recipients: 3, status: 'draft' });
    await db.template.update({ where: { id: t.id }, data: { status: 'REJECTED' } });
    await expect(launchCampaign(db, SYSTEM_ACTOR, ACCOUNT, blocked)).rejects.toMatchObject({ status: 400, code: 3038 });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: blocked } })).status).toBe('draft');
  });

  it('test send: that row’s message to the chosen number now, outside the campaign, audited', async () => {
    const id = await storeCampaign({
      templateName: template,
      recipients: [
        { msisdn: 'x', status: 'invalid', values: null },
        { msisdn: '+15553540001', values: ['Zoe'] },
        { msisdn: '+15553540002', values: ['Yan'] },
      ],
      status: 'draft',
    });
    const first = await testSendCampaign(db, SYSTEM_ACTOR, ACCOUNT, id, { msisdn: '+15553549999' });
    const m = await db.message.findUniqueOrThrow({ where: { id: first.umid } });
    expect(m).toMatchObject({ msisdn: '+15553549999', campaignId: null, templateName: template });
    expect(m.rendered).toMatchObject({ body: 'Hi Zoe, our sale starts today.' });
    const second = await testSendCampaign(db, SYSTEM_ACTOR, ACCOUNT, id, { msisdn: '+15553549999', row: 4 });
    expect((await db.message.findUniqueOrThrow({ where: { id: second.umid } })).rendered).toMatchObject({ body: 'Hi Yan, our sale starts today.' });
    await expect(testSendCampaign(db, SYSTEM_ACTOR, ACCOUNT, id, { msisdn: '+15553549999', row: 2 })).rejects.toMatchObject({ status: 400 });
    await expect(testSendCampaign(db, SYSTEM_ACTOR, ACCOUNT, id, { msisdn: 'not a number' })).rejects.toMatchObject({ status: 400, code: 1002 });
    const other = await createOtherTenant();
    await expect(testSendCampaign(db, SYSTEM_ACTOR, other.accountId, id, { msisdn: '+15553549999' })).rejects.toMatchObject({ status: 404 });
    expect((await audits(id)).map((a) => a.action)).toEqual(['campaign.test_send', 'campaign.test_send']);
    expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'draft', pending: 2, queued: 0 });
  });
});
