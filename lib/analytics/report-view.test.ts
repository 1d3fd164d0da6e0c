import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { reportParams, reportView } from '@/lib/analytics/report-view';
import { usageReport } from '@/lib/analytics/usage-report';
import { createUserWithPermissions, seedDemoTenant } from '@/test/factories';
import { insightsHistory } from '@/test/insights-history';

// The Reports page's query and its CSV export, the export driven as the browser calls it: a console
// route that checks the signed-in user, the permission and the account they work in.

let signedIn: { email: string } | null = { email: 'admin@example.com' };
vi.mock('server-only', () => ({}));
vi.mock('@/app/_lib/console-context', async () => {
  const { db } = await import('@/lib/db/client');
  const { loadPrincipal } = await import('@/lib/auth/principal');
  return {
    getConsoleContext: async () => {
      if (!signedIn) return null;
      const user = await db.user.findUniqueOrThrow({ where: { email: signedIn.email } });
      const principal = (await loadPrincipal(db, user.id))!;
      return { principal, account: principal.accounts.find((a) => a.id === 'acme_corp') ?? null };
    },
  };
});

const NOW = new Date('2026-12-20T12:00:00Z');

async function exportCsv(query: string) {
  const { GET } = await import('@/app/(console)/reports/export/route');
  const res = await GET(new Request(`http://localhost/reports/export?${query}`), { params: Promise.resolve({}) });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), text: await res.text() };
}

describe('Reports page data and export', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    await insightsHistory({ seed: 21, start: '2026-11-20T00:00:00Z', days: 25, messages: 400 });
  });

  it('reads a preset or custom range of local days, per day or month, with one grouping', async () => {
    const v = await reportView(db, 'acme_corp', {}, NOW);
    expect(v.query).toMatchObject({ range: '30d', from: '2026-11-21', to: '2026-12-20', interval: 'day' });
    const monthly = await reportView(
      db,
      'acme_corp',
      { range: 'custom', from: '2026-11-01', to: '2026-12-31', interval: 'month', groupBy: 'channel', subAccountId: '' },
      NOW,
    );
    expect(monthly.report.data.map((r) => `${r.period} ${r.channel}`)).toEqual(['2026-11 sms', '2026-11 whatsapp', '2026-12 sms', '2026-12 whatsapp']);
    expect(monthly.report.totals).toEqual(
      (await usageReport(db, 'acme_corp', { from: '2026-11-01', to: '2026-12-31', interval: 'total', groupBy: [] }, NOW)).totals,
    );
    const inbound = await reportView(db, 'acme_corp', { range: 'custom', from: '2026-11-01', to: '2026-12-31', direction: 'inbound' }, NOW);
    expect(inbound.report.totals.messages).toBe(inbound.report.totals.received);
    for (const bad of [{ interval: 'week' }, { groupBy: 'colour' }, { range: 'custom', from: '2026-12-05', to: '2026-12-01' }]) {
      await expect(reportView(db, 'acme_corp', bad, NOW), JSON.stringify(bad)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(reportParams({ range: '7d', groupBy: '', stray: 'x', channel: ['a', 'b'] })).toEqual({ range: '7d' });
  });

  it('exports the report on the screen as CSV that reads back to the same rows', async () => {
    const query = 'range=custom&from=2026-11-20&to=2026-12-14&interval=day&groupBy=subAccount';
    const { report } = await reportView(db, 'acme_corp', Object.fromEntries(new URLSearchParams(query)));
    const csv = await exportCsv(query);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toBe('attachment; filename="usage-2026-11-20-2026-12-14-day-subAccount.csv"');
    const [header, ...lines] = csv.text.trim().split('\r\n');
    expect(header).toBe('period,subAccountId,messages,queued,sent,delivered,read,undelivered,rejected,received,conversations,cost,currency');
    expect(lines).toHaveLength(report.data.length);
    const sum = lines.map((l) => Number(l.split(',')[2])).reduce((a, b) => a + b, 0);
    expect(sum).toBe(report.totals.messages);
    expect(lines[0]!.split(',').slice(0, 3)).toEqual([report.data[0]!.period, report.data[0]!.subAccountId, String(report.data[0]!.messages)]);
  });

  it('answers a bad query with 400, and refuses a user without reports.view or without a session', async () => {
    expect((await exportCsv('interval=week')).status).toBe(400);
    const user = await createUserWithPermissions(['logs.view']);
    signedIn = { email: user.email };
    expect((await exportCsv('')).status).toBe(403);
    signedIn = null;
    expect((await exportCsv('')).status).toBe(401);
    signedIn = { email: 'admin@example.com' };
  });
});
