import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { read, write } from '@/lib/db/tx';
import { applyStatus, type StatusUpdate } from '@/lib/messaging/apply-status';
import { insertOutbound } from '@/lib/messaging/enqueue-outbound';
import { listMessages } from '@/lib/messaging/logs/list-messages';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { nextDay, startOfLocalDay } from '@/lib/time/zoned-time';
import { sumRollups } from '@/lib/analytics/sum-rollups';
import { GET as usageRoute } from '@/app/api/v1/accounts/[accountId]/reports/usage/route';
import { GET as summaryRoute } from '@/app/api/v1/accounts/[accountId]/reports/summary/route';
import { createOtherTenant, DEMO_API_KEY, seedDemoTenant } from '@/test/factories';

const SUB = 'acme_corp_chatapps';

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function get(route: typeof usageRoute, path: string, key = DEMO_API_KEY, accountId = 'acme_corp') {
  const res = await route(new Request(`http://localhost/api/v1/accounts/${accountId}/reports/${path}`, { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({ accountId }),
  });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

/** How many messages the Logs API lists for the filters, walking every page. */
async function logsCount(query: Record<string, string>): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await listMessages(db, SUB, { ...query, limit: '500', ...(cursor ? { cursor } : {}) });
    n += page.data.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return n;
}

describe('Reports API', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    // Three days of history, with receipts in any order.
    const rnd = random(7);
    const numbers = ['+6591234567', '+15551230001', '+447700900123', '+919812345678'];
    const umids: { umid: string; at: Date }[] = [];
    for (let i = 0; i < 300; i++) {
      const at = new Date(Date.parse('2026-12-01T00:00:00Z') + Math.floor(rnd() * 3 * 86_400_000));
      const msisdn = numbers[Math.floor(rnd() * numbers.length)]!;
      const roll = rnd();
      if (roll < 0.3) {
        await receiveInbound(db, {
          accountId: 'acme_corp',
          subAccountId: SUB,
          channel: 'whatsapp',
          msisdn,
          type: 'text',
          content: { text: 'hi' },
          timestamp: at,
        });
      } else if (roll < 0.7) {
        const { accepted } = await write(db, (t) =>
          insertOutbound(
            t,
            {
              accountId: 'acme_corp',
              subAccountId: SUB,
              channelId: 'acme_corp_whatsapp',
              channel: 'whatsapp',
              to: parseMsisdn(msisdn),
              type: 'template',
              content: {},
              category: ['marketing', 'utility', 'authentication'][Math.floor(rnd() * 3)]!,
            },
            at,
          ),
        );
        umids.push({ umid: accepted.umid, at });
      } else if (umids.length) {
        const m = umids[Math.floor(rnd() * umids.length)]!;
        const state = (['sent', 'delivered', 'read', 'undelivered', 'rejected'] as const)[Math.floor(rnd() * 5)]!;
        const update: StatusUpdate = state === 'undelivered' ? { state, errorCode: 1003, errorMessage: 'Unreachable destination' } : { state };
        await write(db, (t) => applyStatus(t, m.umid, update, new Date(m.at.getTime() + 60_000)));
      }
    }
  });

  it('counts what the Logs API lists, for every state and range, in the account zone and in another', async () => {
    for (const [from, to] of [
      ['2026-12-01', '2026-12-03'],
      ['2026-12-02', '2026-12-02'],
    ] as const) {
      const res = await get(usageRoute, `usage?from=${from}&to=${to}&interval=total&groupBy=direction`);
      expect(res.status).toBe(200);
      const report = JSON.parse(res.text);
      for (const state of ['queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected', 'received']) {
        expect(report.totals[state], `${state} ${from}..${to}`).toBe(await logsCount({ status: state, from, to }));
      }
      expect(report.totals.messages).toBe(await logsCount({ from, to }));
      const outbound = report.data.find((r: { direction: string }) => r.direction === 'outbound');
      expect(outbound.messages).toBe(await logsCount({ from, to, direction: 'outbound' }));
    }
    // Asia/Kolkata days start at 18:30 UTC: the report reads quarter hours, the Logs take the instants.
    const res = await get(usageRoute, `usage?from=2026-12-02&to=2026-12-02&interval=day&timeZone=India%20Standard%20Time`);
    const report = JSON.parse(res.text);
    // The Windows id maps to the zone's older IANA name.
    const zone = report.timeZone;
    expect(['Asia/Kolkata', 'Asia/Calcutta']).toContain(zone);
    const start = startOfLocalDay('2026-12-02', zone).toISOString();
    const end = new Date(startOfLocalDay(nextDay('2026-12-02'), zone).getTime() - 1).toISOString();
    expect(start).toBe('2026-12-01T18:30:00.000Z');
    expect(report.totals.messages).toBe(await logsCount({ from: start, to: end }));
    expect(report.totals.delivered).toBe(await logsCount({ from: start, to: end, status: 'delivered' }));
    expect(report.data.map((r: { period: string }) => r.period)).toEqual(['2026-12-02']);

    // A month in Kolkata: the account's whole UTC days inside it come from the day rollups, its edges from quarter hours.
    const month = JSON.parse((await get(usageRoute, 'usage?from=2026-12-01&to=2026-12-03&interval=month&groupBy=direction&timeZone=Asia/Kolkata')).text);
    const from = startOfLocalDay('2026-12-01', 'Asia/Kolkata').toISOString();
    const to = new Date(startOfLocalDay('2026-12-04', 'Asia/Kolkata').getTime() - 1).toISOString();
    expect(month.totals.messages).toBe(await logsCount({ from, to }));
    expect(month.totals.read).toBe(await logsCount({ from, to, status: 'read' }));
    const inbound = month.data.find((r: { direction: string }) => r.direction === 'inbound');
    expect(inbound.period).toBe('2026-12');
    expect(inbound.messages).toBe(await logsCount({ from, to, direction: 'inbound' }));
  });

  it('sums a counter over any quarter-hour range, open or not, as the Logs count it (whole days from the day rollups, edges from quarter hours)', async () => {
    const ranges: [string | undefined, string | undefined][] = [
      [undefined, undefined],
      ['2026-12-01T06:15:00.000Z', '2026-12-03T10:45:00.000Z'],
      ['2026-12-02T00:00:00.000Z', undefined],
      [undefined, '2026-12-02T13:30:00.000Z'],
      ['2026-12-02T01:00:00.000Z', '2026-12-02T03:00:00.000Z'],
    ];
    for (const [from, until] of ranges) {
      for (const column of ['messages', 'delivered', 'received']) {
        const sum = await read(db, (t) =>
          sumRollups(t, {
            accountId: 'acme_corp',
            subAccountIds: [SUB],
            column,
            from: from ? new Date(from) : undefined,
            until: until ? new Date(until) : undefined,
          }),
        );
        const query: Record<string, string> = {
          ...(from ? { from } : {}),
          ...(until ? { to: new Date(Date.parse(until) - 1).toISOString() } : {}),
          ...(column === 'messages' ? {} : { status: column }),
        };
        expect(sum, `${column} ${from}..${until}`).toBe(await logsCount(query));
      }
    }
  });

  it('groups by day and month, and its days add up to the total', async () => {
    const days = JSON.parse((await get(usageRoute, 'usage?from=2026-12-01&to=2026-12-03&interval=day')).text);
    expect(days.data.map((r: { period: string }) => r.period)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(days.data.reduce((n: number, r: { messages: number }) => n + r.messages, 0)).toBe(days.totals.messages);
    const month = JSON.parse((await get(usageRoute, 'usage?from=2026-12-01&to=2026-12-03&interval=month&groupBy=category,country')).text);
    expect(new Set(month.data.map((r: { period: string }) => r.period))).toEqual(new Set(['2026-12']));
    expect(month.totals).toEqual(days.totals);
    expect(month.data[0]).toHaveProperty('country');
  });

  it('exports CSV that reads back to the same rows', async () => {
    const json = JSON.parse((await get(usageRoute, 'usage?from=2026-12-01&to=2026-12-03&groupBy=direction')).text);
    const csv = await get(usageRoute, 'usage?from=2026-12-01&to=2026-12-03&groupBy=direction&format=csv');
    expect(csv.type).toContain('text/csv');
    const [header, ...lines] = csv.text.trim().split('\r\n');
    expect(header).toBe('period,direction,messages,queued,sent,delivered,read,undelivered,rejected,received,conversations,cost,currency');
    expect(lines).toHaveLength(json.data.length);
    expect(lines[0]!.split(',').slice(0, 3)).toEqual([json.data[0].period, json.data[0].direction, String(json.data[0].messages)]);
  });

  it('summarises the dashboard numbers from the same counts', async () => {
    const s = JSON.parse((await get(summaryRoute, 'summary?from=2026-12-01&to=2026-12-03')).text);
    expect(s.delivered).toBe(await logsCount({ status: 'delivered', from: '2026-12-01', to: '2026-12-03' }));
    expect(s.received).toBe(await logsCount({ status: 'received', from: '2026-12-01', to: '2026-12-03' }));
    const outcomes = s.delivered + s.read + s.undelivered + s.rejected;
    expect(s.deliveryRate).toBeCloseTo((s.delivered + s.read) / outcomes, 10);
    expect(s.conversationsByCategory.service).toBeGreaterThan(0);
  });

  it('refuses bad parameters with the 8x8 error shape, and another tenant sees none of it', async () => {
    for (const q of [
      'usage?interval=week',
      'usage?groupBy=colour',
      'usage?from=2026-02-30',
      'usage?from=2026-12-05&to=2026-12-01',
      'usage?timeZone=Mars/Base',
      'usage?stauts=x',
      'usage?from=not-a-date',
      'usage?to=2026-13-45',
      'summary?from=1e400',
    ]) {
      const res = await get(q.startsWith('summary') ? summaryRoute : usageRoute, q);
      expect(res.status, q).toBe(400);
      expect(JSON.parse(res.text).code).toBe(1005);
    }
    const other = await createOtherTenant();
    const theirs = JSON.parse((await get(usageRoute, 'usage?from=2026-12-01&to=2026-12-03&interval=total', other.apiKey, other.accountId)).text);
    expect(theirs.totals.messages).toBe(0);
    expect((await get(usageRoute, 'usage?from=2026-12-01', other.apiKey, 'acme_corp')).status).toBe(404);
  });
});
