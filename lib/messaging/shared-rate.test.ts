import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { seedDemoTenant } from '@/test/factories';
import { approvedTemplate } from '@/test/messaging-helpers';
import { campaignTemplate, storeCampaign } from '@/test/campaign-fixtures';
import { sendMessage } from '@/lib/messaging/send-message';
import { processOutbox } from '@/lib/messaging/process-outbox';
import { drawShared, giveBackShared, IDLE_BUCKET_MS, pruneIdleBuckets, takeShared } from '@/lib/messaging/shared-rate';
import { dispatchCampaigns } from '@/lib/campaigns/dispatch/dispatch-campaigns';

const SUB = 'acme_corp_chatapps';
const CHANNEL = 'acme_corp_whatsapp';
const onPostgres = process.env.TEST_DATABASE === 'postgres';

let campaignTemplateName: string;
beforeAll(async () => {
  await seedDemoTenant();
  await approvedTemplate({ name: 'rate_notice', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your order shipped' }] });
  campaignTemplateName = (await campaignTemplate({ name: 'rate_promo' })).name;
});

async function queueSends(n: number, from: number): Promise<string[]> {
  const umids: string[] = [];
  for (let i = 0; i < n; i++) {
    const body = {
      user: { msisdn: `+1555066${String(from + i).padStart(4, '0')}` },
      type: 'template',
      content: { template: { name: 'rate_notice', language: 'en_US' } },
    };
    umids.push((await sendMessage(db, { accountId: 'acme_corp', subAccountId: SUB, body })).umid);
  }
  return umids;
}

const handedOver = async (umids: string[]) => db.message.count({ where: { id: { in: umids }, status: { not: 'queued' } } });

/** One outbox or dispatch pass at `at` in a process of its own (test/one-pass.ts), as another worker would run it. */
function passInAnotherProcess(pass: 'outbox' | 'dispatch', at: number, limit = 100): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/one-pass.ts'], {
    env: { ...process.env, PASS: pass, PASS_AT: String(at), PASS_LIMIT: String(limit), LOG_LEVEL: 'error' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${pass} pass exited ${code}`)))));
}

describe('shared rate buckets', () => {
  it('a first draw finds the bucket full (or as fresh as asked), later ones what refilled, and a shortfall gets send slots 1/rate apart', async () => {
    const draw = (want: number, now: number, extra: { fresh?: number; reserve?: boolean } = {}) =>
      write(db, (t) => drawShared(t, { key: 'test:draw', ratePerSecond: 10, capacity: 5, want, now, ...extra }));
    expect(await draw(3, 1_000, { fresh: 4 })).toEqual({ granted: 3, waitMs: 0, slotsMs: [] });
    expect(await draw(3, 1_000, { reserve: true })).toEqual({ granted: 1, waitMs: 100, slotsMs: [100, 200] });
    // 250 ms later: 2.5 tokens refilled; the slots handed out go on from where they stopped.
    expect(await draw(4, 1_250, { reserve: true })).toEqual({ granted: 2, waitMs: 50, slotsMs: [50, 150] });
    // A long quiet spell refills to the capacity, no further.
    expect(await draw(9, 60_000)).toMatchObject({ granted: 5 });
    await giveBackShared(db, 'test:draw', 5, 2);
    await giveBackShared(db, 'test:draw', 5, 7);
    expect(await draw(9, 60_000)).toMatchObject({ granted: 5 });
  });

  it("the outbox holds a channel to its rate through the channel's shared bucket, and spreads the rest over send slots", async () => {
    await db.channel.update({ where: { id: CHANNEL }, data: { rateLimitPerSecond: 2 } });
    const umids = await queueSends(5, 1);
    const clock = Date.now() + 1000;
    await processOutbox(db, { now: () => new Date(clock) });
    expect(await handedOver(umids)).toBe(2);
    const due = await db.messageJob.findMany({ where: { messageId: { in: umids }, kind: 'send' }, orderBy: { dueAt: 'asc' } });
    expect(due.map((j) => [j.dueAt.getTime() - clock, j.attempts])).toEqual([
      [500, 0],
      [1000, 0],
      [1500, 0],
    ]);
    expect(await db.rateBucket.findUnique({ where: { key: `channel:${CHANNEL}` } })).toMatchObject({ tokens: 0, at: clock, nextSlot: clock + 2000 });
    // A pass at the same instant (a second worker's) finds nothing due and no token.
    const more = await queueSends(2, 10);
    await processOutbox(db, { now: () => new Date(clock) });
    expect(await handedOver(more)).toBe(0);
    const later = await db.messageJob.findMany({ where: { messageId: { in: more }, kind: 'send' }, orderBy: { dueAt: 'asc' } });
    expect(later.map((j) => j.dueAt.getTime() - clock)).toEqual([2000, 2500]);
    await db.messageJob.deleteMany({ where: { messageId: { in: [...umids, ...more] } } });
    await db.channel.update({ where: { id: CHANNEL }, data: { rateLimitPerSecond: 80 } });
  });

  it("a campaign's dispatch draws from the campaign's shared bucket: one token to start, a quarter of a second's worth at most", async () => {
    const id = await storeCampaign({ templateName: campaignTemplateName, recipients: 40, ratePerSecond: 40 });
    const clock = Date.now() + 1000;
    const queued = async () => db.campaignRecipient.count({ where: { campaignId: id, status: { not: 'pending' } } });
    await dispatchCampaigns(db, { now: () => new Date(clock) });
    await dispatchCampaigns(db, { now: () => new Date(clock) });
    expect(await queued()).toBe(1);
    await dispatchCampaigns(db, { now: () => new Date(clock + 1000) });
    expect(await queued()).toBe(11);
    expect(await db.rateBucket.findUnique({ where: { key: `campaign:${id}` } })).toMatchObject({ tokens: 0 });
    // A completed campaign's bucket goes with it.
    await db.campaignRecipient.updateMany({ where: { campaignId: id }, data: { status: 'sent' } });
    await db.campaign.update({ where: { id }, data: { pending: 0, queued: 0 } });
    await dispatchCampaigns(db, { now: () => new Date(clock + 1000) });
    expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'completed' });
    expect(await db.rateBucket.findUnique({ where: { key: `campaign:${id}` } })).toBeNull();
  });

  it('buckets idle for an hour (a cancelled campaign’s, a revoked key’s) are removed; buckets in use and slots still ahead stay', async () => {
    const now = Date.now();
    const idle = now - IDLE_BUCKET_MS - 1;
    await db.rateBucket.createMany({
      data: [
        { key: 'prune:idle', tokens: 3, at: idle, nextSlot: 0 },
        { key: 'prune:recent', tokens: 3, at: now - IDLE_BUCKET_MS + 1000, nextSlot: 0 },
        { key: 'prune:slots-ahead', tokens: 0, at: idle, nextSlot: now + 1000 },
      ],
    });
    expect(await pruneIdleBuckets(db, now)).toBeGreaterThanOrEqual(1);
    const left = await db.rateBucket.findMany({ where: { key: { startsWith: 'prune:' } }, orderBy: { key: 'asc' } });
    expect(left.map((b) => b.key)).toEqual(['prune:recent', 'prune:slots-ahead']);
    // A draw from a removed bucket starts it again as new: full.
    expect(await write(db, (t) => drawShared(t, { key: 'prune:idle', ratePerSecond: 10, capacity: 5, want: 9, now }))).toMatchObject({ granted: 5 });
    await db.rateBucket.deleteMany({ where: { key: { startsWith: 'prune:' } } });
  });

  it.skipIf(!onPostgres)('draws on separate connections at once never grant more than the bucket holds', async () => {
    const grants = await Promise.all(
      Array.from({ length: 12 }, () => takeShared(db, { key: 'test:concurrent', ratePerSecond: 1, capacity: 10, want: 3, now: 5_000 })),
    );
    expect(grants.reduce((sum, g) => sum + g.granted, 0)).toBe(10);
  });

  it.skipIf(!onPostgres)('two worker processes hand over a channel’s rate once between them, and a campaign’s', { timeout: 60_000 }, async () => {
    await db.channel.update({ where: { id: CHANNEL }, data: { rateLimitPerSecond: 3 } });
    const umids = await queueSends(8, 20);
    const clock = Date.now() + 120_000; // past the earlier tests' slots: the bucket has refilled to its 3
    // Four sends a pass: whether the two run together (each claims its own four) or one after the other,
    // both find sends due, and with a bucket each they would hand over six.
    await Promise.all([passInAnotherProcess('outbox', clock, 4), passInAnotherProcess('outbox', clock, 4)]);
    expect(await handedOver(umids)).toBe(3);
    await db.channel.update({ where: { id: CHANNEL }, data: { rateLimitPerSecond: 80 } });

    const id = await storeCampaign({ templateName: campaignTemplateName, recipients: 40, ratePerSecond: 40 });
    await Promise.all([passInAnotherProcess('dispatch', clock), passInAnotherProcess('dispatch', clock)]);
    expect(await db.campaignRecipient.count({ where: { campaignId: id, status: { not: 'pending' } } })).toBe(1);
  });
});
