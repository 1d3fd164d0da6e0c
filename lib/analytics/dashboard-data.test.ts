import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { ValidationError } from '@/lib/errors';
import { listMessages } from '@/lib/messaging/logs/list-messages';
import { setAccountTimeZone } from '@/lib/tenancy/set-account-time-zone';
import { dashboardData } from '@/lib/analytics/dashboard-data';
import { localRangeInstants, presetDays } from '@/lib/analytics/date-range';
import { seedDemoTenant } from '@/test/factories';
import { CHANNELS, insightsHistory } from '@/test/insights-history';

// Now is 2026-12-05 18:00 in Singapore (UTC+8): "last 7 days" is 29 Nov..5 Dec there, which starts at
// 16:00 UTC on 28 Nov, so messages of the 28th UTC evening count and those of the 5th after 16:00 UTC do not.
const NOW = new Date('2026-12-05T10:00:00Z');
const SUBS = [...new Set(CHANNELS.map((c) => c.subAccountId))];

/** How many messages the Logs list for the query over the given subaccounts, walking every page. */
async function logsCount(query: Record<string, string>, subs: readonly string[] = SUBS): Promise<number> {
  let n = 0;
  for (const sub of subs) {
    let cursor: string | undefined;
    do {
      const page = await listMessages(db, sub, { ...query, limit: '500', ...(cursor ? { cursor } : {}) });
      n += page.data.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return n;
}

describe('dashboardData', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    await setAccountTimeZone(db, { accountId: 'acme_corp', timeZone: 'Asia/Singapore', actor: SYSTEM_ACTOR });
    await insightsHistory({ seed: 11, start: '2026-11-27T00:00:00Z', days: 10, messages: 500 });
  });

  it('counts over whole local days of the account zone, each number what the Logs list for its state over the same instants', async () => {
    const d = await dashboardData(db, 'acme_corp', { range: '7d' }, NOW);
    expect(d).toMatchObject({ timeZone: 'Asia/Singapore', from: '2026-11-29', to: '2026-12-05' });
    expect(d.instants).toEqual({ from: '2026-11-28T16:00:00.000Z', to: '2026-12-05T15:59:59.999Z' });
    const range = { from: d.instants.from, to: d.instants.to };
    for (const state of ['queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected', 'received'] as const) {
      expect(d.summary[state], state).toBe(await logsCount({ ...range, status: state }));
    }
    expect(d.summary.delivered + d.summary.undelivered).toBeGreaterThan(0);
    expect(d.summary.deliveryRate).toBeCloseTo(
      (d.summary.delivered + d.summary.read) / (d.summary.delivered + d.summary.read + d.summary.undelivered + d.summary.rejected),
    );
  });

  it('gives one point per local day, empty days included, adding up to the totals', async () => {
    const d = await dashboardData(db, 'acme_corp', { range: '30d' }, NOW);
    expect(d.days).toHaveLength(30);
    expect(d.days[0]!.day).toBe('2026-11-06');
    expect(d.days.at(-1)!.day).toBe('2026-12-05');
    expect(d.days[0]).toMatchObject({ delivered: 0, undelivered: 0, received: 0 });
    for (const k of ['delivered', 'read', 'undelivered', 'rejected', 'received'] as const) {
      expect(
        d.days.reduce((n, p) => n + p[k], 0),
        k,
      ).toBe(d.summary[k]);
    }
    // A day's bar is exactly that day's messages in the Logs.
    const busy = d.days.find((p) => p.delivered > 0)!;
    const day = localRangeInstants(busy.day, busy.day, 'Asia/Singapore');
    expect(busy.delivered).toBe(await logsCount({ ...day, status: 'delivered' }));
  });

  it('splits by subaccount and channel, and follows those filters', async () => {
    const d = await dashboardData(db, 'acme_corp', { range: '30d' }, NOW);
    expect(d.bySubAccount.map((r) => r.subAccountId).sort()).toEqual([...SUBS].sort());
    expect(d.bySubAccount.reduce((n, r) => n + r.messages, 0)).toBe(
      d.summary.delivered + d.summary.read + d.summary.undelivered + d.summary.rejected + d.summary.sent + d.summary.queued + d.summary.received,
    );
    expect(d.byChannel.map((r) => r.channel).sort()).toEqual(['sms', 'whatsapp']);
    const range = { from: d.instants.from, to: d.instants.to };

    const sub = await dashboardData(db, 'acme_corp', { range: '30d', subAccountId: 'acme_corp' }, NOW);
    expect(sub.summary.delivered).toBe(await logsCount({ ...range, status: 'delivered' }, ['acme_corp']));
    expect(sub.summary.delivered).toBe(d.bySubAccount.find((r) => r.subAccountId === 'acme_corp')!.delivered);

    const sms = await dashboardData(db, 'acme_corp', { range: '30d', channel: 'sms' }, NOW);
    expect(sms.summary.received).toBe(await logsCount({ ...range, status: 'received', channel: 'sms' }));
    expect(sms.summary.conversationsByCategory).toMatchObject({ marketing: 0, utility: 0, authentication: 0 });
    expect(sms.byChannel.map((r) => r.channel)).toEqual(['sms']);
  });

  it('lists the top error codes with what they mean, each count the failed messages with that code', async () => {
    const d = await dashboardData(db, 'acme_corp', { range: '30d' }, NOW);
    expect(d.topErrors.map((e) => e.errorCode).sort()).toEqual([1003, 131026, 131050]);
    expect(d.topErrors[0]!.messages).toBeGreaterThanOrEqual(d.topErrors[1]!.messages);
    expect(d.topErrors.find((e) => e.errorCode === 131050)).toMatchObject({ title: 'User stopped marketing messages' });
    for (const e of d.topErrors) {
      const n = await db.message.count({
        where: {
          accountId: 'acme_corp',
          errorCode: e.errorCode,
          status: { in: ['undelivered', 'rejected'] },
          createdAt: { gte: new Date(d.instants.from), lte: new Date(d.instants.to) },
        },
      });
      expect(e.messages, String(e.errorCode)).toBe(n);
    }
  });

  it('resolves the presets in the account zone and refuses bad filters', async () => {
    expect(presetDays('today', '2026-12-05')).toEqual({ from: '2026-12-05', to: '2026-12-05' });
    expect(presetDays('month', '2026-12-05')).toEqual({ from: '2026-12-01', to: '2026-12-05' });
    expect(presetDays('7d', '2026-03-02')).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    // 01:00 UTC on the 6th is already the 6th in Singapore.
    expect((await dashboardData(db, 'acme_corp', { range: 'today' }, new Date('2026-12-05T17:00:00Z'))).from).toBe('2026-12-06');
    const custom = await dashboardData(db, 'acme_corp', { range: 'custom', from: '2026-12-01', to: '2026-12-02', channel: '' }, NOW);
    expect(custom).toMatchObject({ from: '2026-12-01', to: '2026-12-02', channel: null });
    expect(custom.days.map((p) => p.day)).toEqual(['2026-12-01', '2026-12-02']);
    for (const bad of [
      { range: 'year' },
      { range: 'custom', from: '2026-02-30' },
      { range: 'custom', from: '2026-12-05', to: '2026-12-01' },
      { channel: 'fax' },
    ]) {
      await expect(dashboardData(db, 'acme_corp', bad, NOW), JSON.stringify(bad)).rejects.toBeInstanceOf(ValidationError);
    }
  });
});
