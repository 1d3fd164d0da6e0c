import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { localRangeInstants } from '@/lib/analytics/date-range';
import { usageSummary } from '@/lib/analytics/usage-summary';
import { listAccountMessages } from '@/lib/messaging/logs/list-account-messages';
import { countMessages } from '@/lib/messaging/logs/count-messages';
import { countFromRollups } from '@/lib/messaging/logs/count-from-rollups';
import { parseLogsQuery } from '@/lib/messaging/logs/logs-query-schema';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { insightsHistory } from '@/test/insights-history';

// The Logs page's reads over the whole account: the demo tenant's two subaccounts merged newest first,
// paged by cursor, and counted, against the messages as the database holds them.

const NOW = new Date('2026-12-08T00:00:00Z');

async function walk(query: Record<string, string>, limit: number): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await listAccountMessages(db, 'acme_corp', { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(page.data.length).toBeLessThanOrEqual(limit);
    out.push(...page.data.map((m) => m.umid));
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('did not end');
}

async function expected(where: Record<string, unknown>): Promise<string[]> {
  const rows = await db.message.findMany({
    where: { accountId: 'acme_corp', ...where },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

let otherSub: string;

describe('listAccountMessages and countMessages', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    await insightsHistory({ seed: 3, start: '2026-12-01T00:00:00Z', days: 5, messages: 400 });
    otherSub = (await createOtherTenant()).subAccountId;
  });

  it('merges every subaccount newest first, and pages through each message exactly once', async () => {
    const all = await expected({});
    expect(new Set((await db.message.findMany({ where: { accountId: 'acme_corp' }, select: { subAccountId: true } })).map((m) => m.subAccountId)).size).toBe(2);
    for (const limit of [1, 7, 50, 500]) expect(await walk({}, limit), String(limit)).toEqual(all);
    expect(await walk({ status: 'delivered', channel: 'whatsapp' }, 9)).toEqual(await expected({ status: 'delivered', channel: 'whatsapp' }));
    expect(await walk({ errorCode: '1003' }, 5)).toEqual(await expected({ errorCode: 1003 }));
  });

  it('reads one subaccount when asked, and never another account’s', async () => {
    expect(await walk({ subAccountId: 'acme_corp', direction: 'inbound' }, 10)).toEqual(await expected({ subAccountId: 'acme_corp', direction: 'inbound' }));
    await expect(listAccountMessages(db, 'acme_corp', { subAccountId: otherSub })).rejects.toBeInstanceOf(NotFoundError);
    await expect(countMessages(db, 'acme_corp', { subAccountId: otherSub })).rejects.toBeInstanceOf(NotFoundError);
    // Empty values are unset selects, not filters.
    expect((await listAccountMessages(db, 'acme_corp', { subAccountId: '', status: '', limit: '3' })).data).toHaveLength(3);
  });

  it('counts what it lists, for each filter', async () => {
    const queries: Record<string, string>[] = [
      {},
      { status: 'read' },
      { direction: 'inbound', channel: 'sms' },
      { errorCode: '131026' },
      { msisdn: '+6591234567', from: '2026-12-02' },
    ];
    for (const query of queries) {
      expect(await countMessages(db, 'acme_corp', query), JSON.stringify(query)).toEqual({ count: (await walk(query, 500)).length, atLeast: false });
    }
  });

  it('past the cap, counts exactly from the rollups when the filters allow, else says "at least"', async () => {
    const range = localRangeInstants('2026-12-01', '2026-12-05', 'UTC');
    const delivered = (await walk({ ...range, status: 'delivered' }, 500)).length;
    expect(delivered).toBeGreaterThan(10);
    expect(await countMessages(db, 'acme_corp', { ...range, status: 'delivered' }, 10)).toEqual({ count: delivered, atLeast: false });
    // The Dashboard's number for the same range is that count.
    expect((await usageSummary(db, 'acme_corp', { from: '2026-12-01', to: '2026-12-05' }, NOW)).delivered).toBe(delivered);
    // A number is not in the rollups: the count stops at the cap.
    expect(await countMessages(db, 'acme_corp', { ...range, msisdn: '+6591234567' }, 10)).toEqual({ count: 10, atLeast: true });
  });

  it('reads the rollups only on quarter-hour edges, and then agrees with the messages', async () => {
    const subs = ['acme_corp', 'acme_corp_chatapps'];
    const count = (q: Record<string, string>) => countFromRollups(db, 'acme_corp', subs, parseLogsQuery(q));
    expect(await count({ from: '2026-12-02T10:07:00Z' })).toBeNull();
    expect(await count({ to: '2026-12-02T10:15:00Z' })).toBeNull();
    expect(await count({ errorCode: '1003' })).toBeNull();
    const q = { from: '2026-12-02T10:15:00Z', to: '2026-12-03T23:59:59.999Z', direction: 'outbound', country: 'GB' };
    expect(await count(q)).toBe((await walk(q, 500)).length);
    expect(await count({ status: 'received' })).toBe((await walk({ status: 'received' }, 500)).length);
  });
});
