import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, createDb, db } from '@/lib/db/client';
import { dialectOf, LOCKING, write } from '@/lib/db/tx';
import { moveCounters } from '@/lib/campaigns/dispatch/recipient-counters';
import { stillPending, whileOpen } from '@/test/postgres-locks';
import { seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { drainOutbox } from '@/test/messaging-helpers';
import { campaignTemplate, countersAndRecount, storeCampaign } from '@/test/campaign-fixtures';
import { CampaignThrottle } from '@/lib/campaigns/dispatch/campaign-throttle';
import { dispatchBatch } from '@/lib/campaigns/dispatch/dispatch-batch';
import { dispatchCampaigns } from '@/lib/campaigns/dispatch/dispatch-campaigns';
import { recipientMessageKey } from '@/lib/campaigns/dispatch/recipient-key';
import { readCampaignRate } from '@/lib/campaigns/dispatch/effective-rate';

/** Dispatch and the outbox (sandbox receipts applied on a simulated clock) until the campaigns settle. */
async function runToEnd(ids: string[], passes = 200) {
  const throttle = new CampaignThrottle();
  for (let i = 0; i < passes; i++) {
    await dispatchCampaigns(db, { throttle });
    await drainOutbox();
    const open = await db.campaign.count({ where: { id: { in: ids }, status: 'running' } });
    if (!open) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('campaigns did not settle');
}

let template: string;

beforeAll(async () => {
  await seedDemoTenant();
  await subscribeWebhook(['outbound_message_status_changed']);
  template = (await campaignTemplate()).name;
});

describe('campaign dispatch', () => {
  it('sends every pending recipient exactly once with campaignId; invalid, duplicate and opted-out rows never', async () => {
    await db.optOut.create({ data: { accountId: 'acme_corp', msisdn: '+15553400001', source: 'keyword', optedOutAt: new Date() } });
    const pending = Array.from({ length: 120 }, (_, i) => ({ msisdn: `+1555341${String(i + 1).padStart(4, '0')}`, values: [`Name ${i + 1}`] }));
    const id = await storeCampaign({
      templateName: template,
      recipients: [
        ...pending,
        { msisdn: '12', status: 'invalid', values: null },
        { msisdn: '+15553410001', status: 'duplicate', values: null },
        { msisdn: '+15553400002', status: 'opted_out', values: null },
        // Opted out after the import: the send pipeline refuses it with 131050, the recipient is skipped.
        { msisdn: '+15553400001' },
        // The sandbox's unreachable numbers end 0000.
        { msisdn: '+15553420000' },
      ],
    });
    await runToEnd([id]);

    const c = await db.campaign.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ status: 'completed', pending: 0, queued: 0, read: 120, failed: 1, skipped: 1 });
    expect(c.completedAt).toBeInstanceOf(Date);
    const messages = await db.message.findMany({ where: { campaignId: id } });
    expect(messages).toHaveLength(122);
    expect(new Set(messages.map((m) => m.msisdn)).size).toBe(122);
    for (const m of messages) expect(m.clientMessageId).toMatch(new RegExp(`^campaign:${id}:\\d+$`));
    expect(messages.find((m) => m.msisdn === '+15553410007')?.rendered).toMatchObject({ body: 'Hi Name 7, our sale starts today.' });
    for (const msisdn of ['12', '+15553400002']) expect(messages.some((m) => m.msisdn === msisdn)).toBe(false);

    const recipients = await db.campaignRecipient.findMany({ where: { campaignId: id }, orderBy: { row: 'asc' } });
    const byMsisdn = (msisdn: string, status: string) => recipients.find((r) => r.msisdn === msisdn && r.status === status);
    expect(byMsisdn('+15553400001', 'skipped')).toMatchObject({ errorCode: 131050 });
    expect(byMsisdn('+15553420000', 'failed')).toMatchObject({ errorCode: 1003, errorMessage: 'Unreachable destination' });
    expect(recipients.filter((r) => r.status === 'read').every((r) => messages.some((m) => m.id === r.umid))).toBe(true);
    const { counters, recount } = await countersAndRecount(id);
    expect(counters).toEqual(recount);
  });

  it('a recipient run again finds its first message instead of sending a second (the key makes a re-run a no-op)', async () => {
    const id = await storeCampaign({ templateName: template, recipients: [{ msisdn: '+15553430001' }, { msisdn: '+15553430002' }] });
    const first = await write(db, (t) => dispatchBatch(t, id, 10, new Date()));
    expect(first.queued).toBe(2);
    await drainOutbox();
    const umid = (await db.campaignRecipient.findUniqueOrThrow({ where: { campaignId_row: { campaignId: id, row: 2 } } })).umid;
    // As if the move to queued had been lost: the row is pending again with the same attempt.
    await db.campaignRecipient.update({ where: { campaignId_row: { campaignId: id, row: 2 } }, data: { status: 'pending', umid: null } });
    await db.campaign.update({ where: { id }, data: { pending: 1, read: 1 } });
    const again = await write(db, (t) => dispatchBatch(t, id, 10, new Date()));
    expect(again.queued).toBe(0);
    expect(await db.message.count({ where: { clientMessageId: recipientMessageKey(id, 2, 0) } })).toBe(1);
    expect(await db.campaignRecipient.findUniqueOrThrow({ where: { campaignId_row: { campaignId: id, row: 2 } } })).toMatchObject({ status: 'read', umid });
    const { counters, recount } = await countersAndRecount(id);
    expect(counters).toEqual(recount);
  });

  it('pauses with the reason when the template is no longer approved, leaving the rest pending', async () => {
    const t = await campaignTemplate();
    const id = await storeCampaign({ templateName: t.name, recipients: 5 });
    await db.template.update({ where: { id: t.id }, data: { status: 'PAUSED' } });
    await dispatchCampaigns(db, { throttle: new CampaignThrottle() });
    const c = await db.campaign.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ status: 'paused', pending: 5, queued: 0 });
    expect(c.stopReason).toContain('no longer approved');
    expect(await db.message.count({ where: { campaignId: id } })).toBe(0);
  });

  it('starts a scheduled campaign when its time has come, not before', async () => {
    const later = await storeCampaign({ templateName: template, recipients: [{ msisdn: '+15553440001' }], status: 'scheduled' });
    const due = await storeCampaign({ templateName: template, recipients: [{ msisdn: '+15553440002' }], status: 'scheduled' });
    await db.campaign.update({ where: { id: later }, data: { scheduledAt: new Date(Date.now() + 3600_000) } });
    await db.campaign.update({ where: { id: due }, data: { scheduledAt: new Date(Date.now() - 1000) } });
    await dispatchCampaigns(db, { throttle: new CampaignThrottle() });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: later } })).status).toBe('scheduled');
    const started = await db.campaign.findUniqueOrThrow({ where: { id: due } });
    expect(started.status).toBe('running');
    expect(started.startedAt).toBeInstanceOf(Date);
    expect(await db.message.count({ where: { campaignId: due } })).toBe(1);
  });

  it('banks at most a quarter of a second of sends while idle, so a burst cannot lift the rate', () => {
    let clock = 0;
    const throttle = new CampaignThrottle(() => clock);
    expect(throttle.allowance('c', 500)).toBe(1);
    clock = 60_000;
    expect(throttle.allowance('c', 500)).toBe(125);
    throttle.spend('c', 500, 125);
    expect(throttle.allowance('c', 500)).toBe(0);
    expect(throttle.msUntilToken('c', 500)).toBe(2);
  });

  it('tells the real rate: the smaller of the campaign’s and its channel’s', async () => {
    const id = await storeCampaign({ templateName: template, recipients: 1, ratePerSecond: 500 });
    expect(await readCampaignRate(db, 'acme_corp', id)).toEqual({ configured: 500, channel: 80, effective: 80 });
    await db.channel.update({ where: { id: 'acme_corp_whatsapp' }, data: { rateLimitPerSecond: 1000 } });
    expect(await readCampaignRate(db, 'acme_corp', id)).toEqual({ configured: 500, channel: 1000, effective: 500 });
    await db.channel.update({ where: { id: 'acme_corp_whatsapp' }, data: { rateLimitPerSecond: 80 } });
    await expect(readCampaignRate(db, 'other_account', id)).rejects.toMatchObject({ status: 404 });
    await db.campaign.update({ where: { id }, data: { status: 'cancelled' } });
  });

  it('holds each campaign to its rate and shares the loop between campaigns', async () => {
    let clock = 0;
    const throttle = new CampaignThrottle(() => clock);
    const slow = await storeCampaign({ templateName: template, recipients: 400, ratePerSecond: 20 });
    const fast = await storeCampaign({
      templateName: template,
      recipients: Array.from({ length: 400 }, (_, i) => ({ msisdn: `+1555345${String(i).padStart(4, '0')}` })),
      ratePerSecond: 60,
    });
    // Two simulated seconds of 50 ms ticks.
    for (let t = 0; t <= 2000; t += 50) {
      clock = t;
      await dispatchCampaigns(db, { throttle });
    }
    const sent = async (id: string) => db.message.count({ where: { campaignId: id } });
    // One token to start with, then the rate: 1 + 2 s × rate.
    expect(await sent(slow)).toBe(41);
    expect(await sent(fast)).toBe(121);
  });

  it('several dispatchers (worker processes, each its own client) share one campaign: every recipient is handed over once', async () => {
    const id = await storeCampaign({
      templateName: template,
      recipients: Array.from({ length: 240 }, (_, i) => ({ msisdn: `+1555346${String(i).padStart(4, '0')}` })),
    });
    // The messaging-limit tier is not what this is about: the file's other sends would reach it.
    const { messagingTier } = await db.account.update({ where: { id: 'acme_corp' }, data: { messagingTier: 'TIER_UNLIMITED' } });
    const workers = [db, ...Array.from({ length: 3 }, () => createDb(process.env.DATABASE_URL!))];
    try {
      const handed = await Promise.all(
        workers.map(async (client) => {
          let queued = 0;
          for (;;) {
            const outcome = await write(client, (t) => dispatchBatch(t, id, 25, new Date()));
            queued += outcome.queued;
            if (outcome.drained) return queued;
          }
        }),
      );
      expect(handed.reduce((a, b) => a + b, 0)).toBe(240);
      const messages = await db.message.findMany({ where: { campaignId: id }, select: { clientMessageId: true } });
      expect(messages).toHaveLength(240);
      expect(new Set(messages.map((m) => m.clientMessageId)).size).toBe(240);
      expect(await db.campaignRecipient.count({ where: { campaignId: id, status: 'pending' } })).toBe(0);
      const { counters, recount } = await countersAndRecount(id);
      expect(counters).toEqual(recount);
    } finally {
      await Promise.all(workers.slice(1).map((client) => closeDb(client)));
      await db.account.update({ where: { id: 'acme_corp' }, data: { messagingTier } });
      await db.campaign.update({ where: { id }, data: { status: 'cancelled' } });
    }
  });
});

describe.skipIf(dialectOf(db) !== 'postgres')('campaign dispatch on PostgreSQL', () => {
  it('a receipt moves the campaign’s counters while a batch of the same campaign is still being written', async () => {
    const id = await storeCampaign({ templateName: template, recipients: 3 });
    const outcome = await whileOpen(
      (t) => dispatchBatch(t, id, 2, new Date()),
      async () => {
        // Another worker's receipt batch: it commits while this batch has not reached its end.
        const receipt = write(db, (t) => moveCounters(t, id, 'pending', 'skipped', 1, new Date()), LOCKING);
        expect(await stillPending(receipt, 300)).toBe(false);
        await receipt;
      },
    );
    expect(outcome.queued).toBe(2);
    const c = await db.campaign.findUniqueOrThrow({ where: { id } });
    expect({ pending: c.pending, queued: c.queued, skipped: c.skipped }).toEqual({ pending: 0, queued: 2, skipped: 1 });
    await db.campaign.update({ where: { id }, data: { status: 'cancelled' } });
  });
});

afterAll(async () => {
  if (dialectOf(db) === 'postgres') await closeDb(db);
});
