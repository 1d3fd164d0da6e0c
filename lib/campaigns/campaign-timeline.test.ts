import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { seedDemoTenant } from '@/test/factories';
import { buckets, campaignTimeline } from '@/lib/campaigns/campaign-timeline';

const T0 = Date.parse('2026-12-05T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);

async function campaign(id: string) {
  await db.campaign.create({
    data: {
      id,
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      channelId: 'acme_corp_whatsapp',
      name: id,
      templateName: 't',
      templateLanguage: 'en_US',
      category: 'marketing',
      spec: {},
      columns: [],
      slotKeys: [],
      status: 'running',
      ratePerSecond: 80,
      createdAt: at(0),
      updatedAt: at(0),
    },
  });
}

let n = 0;
/** A campaign message that went through `states` at the given seconds. */
async function message(campaignId: string | null, states: [string, number][]) {
  const id = `msg_${++n}`;
  const [last] = states.at(-1)!;
  await db.message.create({
    data: {
      id,
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      channel: 'whatsapp',
      direction: 'outbound',
      msisdn: '+15551230000',
      channelUserId: '15551230000',
      type: 'template',
      content: {},
      status: last,
      statusAt: at(states.at(-1)![1]),
      campaignId,
      createdAt: at(states[0]![1]),
    },
  });
  await db.messageStatusChange.createMany({ data: states.map(([state, s]) => ({ messageId: id, state, at: at(s) })) });
  return id;
}

describe('campaign timeline', () => {
  beforeAll(seedDemoTenant);

  it('counts sends, deliveries, reads and failures per second from the status changes, and picks up new ones', async () => {
    await campaign('cmp_timeline');
    await message('cmp_timeline', [
      ['queued', 0],
      ['sent', 0],
      ['delivered', 1],
      ['read', 3],
    ]);
    await message('cmp_timeline', [
      ['queued', 0],
      ['sent', 1],
      ['delivered', 2],
    ]);
    await message('cmp_timeline', [
      ['queued', 1],
      ['sent', 1],
      ['undelivered', 2],
    ]);
    // Another campaign's and a plain API send's changes are not this campaign's.
    await campaign('cmp_other');
    await message('cmp_other', [
      ['queued', 0],
      ['sent', 0],
    ]);
    await message(null, [
      ['queued', 0],
      ['sent', 0],
      ['delivered', 1],
    ]);

    const first = await campaignTimeline(db, 'acme_corp', 'cmp_timeline');
    expect(first.bucketSeconds).toBe(1);
    expect(first.points).toEqual([
      { t: at(0).toISOString(), sent: 1, delivered: 0, read: 0, failed: 0 },
      { t: at(1).toISOString(), sent: 2, delivered: 1, read: 0, failed: 0 },
      { t: at(2).toISOString(), sent: 0, delivered: 1, read: 0, failed: 1 },
      { t: at(3).toISOString(), sent: 0, delivered: 0, read: 1, failed: 0 },
    ]);

    // A later look reads only what changed since: a new message and a read of an older one.
    const later = await message('cmp_timeline', [
      ['queued', 5],
      ['sent', 5],
    ]);
    await db.messageStatusChange.create({ data: { messageId: later, state: 'delivered', at: at(6) } });
    const second = await campaignTimeline(db, 'acme_corp', 'cmp_timeline');
    expect(second.points).toHaveLength(7);
    expect(second.points[4]).toEqual({ t: at(4).toISOString(), sent: 0, delivered: 0, read: 0, failed: 0 });
    expect(second.points[5]).toMatchObject({ sent: 1, delivered: 0 });
    expect(second.points[6]).toMatchObject({ sent: 0, delivered: 1 });
    const totals = second.points.reduce((a, p) => ({ sent: a.sent + p.sent, delivered: a.delivered + p.delivered }), { sent: 0, delivered: 0 });
    expect(totals).toEqual({ sent: 4, delivered: 3 });
  });

  it('is empty before the first send, and another account cannot read it', async () => {
    await campaign('cmp_empty');
    expect(await campaignTimeline(db, 'acme_corp', 'cmp_empty')).toEqual({ bucketSeconds: 1, points: [] });
    await expect(campaignTimeline(db, 'globex', 'cmp_empty')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('widens the buckets so that a long campaign stays under 120 points', () => {
    const seconds = new Map([
      [1000, { sent: 5, delivered: 0, read: 0, failed: 0 }],
      [1000 + 3600, { sent: 1, delivered: 2, read: 0, failed: 0 }],
    ]);
    const t = buckets(seconds);
    expect(t.bucketSeconds).toBe(60);
    expect(t.points.length).toBeLessThanOrEqual(120);
    expect(t.points.reduce((a, p) => a + p.sent + p.delivered, 0)).toBe(8);
  });
});
