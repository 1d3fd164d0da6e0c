import type { Metadata } from 'next';
import { Download, FileBarChart } from 'lucide-react';
import { db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { reportParams, reportView, type ReportView } from '@/lib/analytics/report-view';
import { periodsBetween } from '@/lib/analytics/date-range';
import { can } from '@/lib/auth/principal';
import { requireAccountPage } from '@/app/_lib/console-context';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { InsightsFrame } from '@/components/insights/insights-frame';
import { RangeFilters } from '@/components/insights/range-filters';
import { ReportControls } from '@/components/insights/reports/report-controls';
import { ReportChart } from '@/components/insights/reports/report-chart';
import { ReportTable } from '@/components/insights/reports/report-table';
import { formatCount, formatMoney } from '@/components/insights/format';

export const metadata: Metadata = { title: 'Reports' };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { account, principal } = await requireAccountPage('reports.view');
  const sp = await searchParams;
  const subAccounts = await listAccountStructure(db, account.id);
  let view: ReportView;
  let error: string | null = null;
  try {
    view = await reportView(db, account.id, sp);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    error = err.issues.map((i) => i.message).join('; ') || err.message;
    view = await reportView(db, account.id, {});
  }
  const { query: q, report } = view;
  const names = Object.fromEntries(subAccounts.map((s) => [s.id, s.name]));
  const exportHref = `/reports/export?${new URLSearchParams(error ? {} : reportParams(sp))}`;
  const t = report.totals;

  return (
    <>
      <PageHeader
        title="Reports"
        description="Usage and cost by subaccount, channel, category, country and direction, per day or month, in the account's time zone."
        actions={
          <Button asChild variant="outline">
            <a href={exportHref} download data-testid="export-csv">
              <Download /> Export CSV
            </a>
          </Button>
        }
      />
      <InsightsFrame
        filters={
          <RangeFilters
            values={{ range: q.range, from: q.from, to: q.to, subAccountId: q.subAccountId ?? null, channel: q.channel ?? null }}
            subAccounts={subAccounts.map((s) => ({ id: s.id, name: s.name }))}
            timeZone={report.timeZone}
            canChangeZone={can(principal, 'settings.pricing.manage')}
          >
            <ReportControls interval={q.interval} groupBy={q.groupBy ?? null} direction={q.direction ?? null} />
          </RangeFilters>
        }
      >
        {error ? (
          <p role="alert" className="mb-4 rounded-md border border-destructive/40 bg-destructive/10 px-4 py-2 text-sm text-destructive">
            {error} Showing the last 30 days instead.
          </p>
        ) : null}
        <Card className="mb-6 min-w-0">
          <CardHeader>
            <CardTitle>
              {formatCount(t.messages)} messages · {formatMoney(t.cost)}
            </CardTitle>
            <CardDescription>
              {formatCount(t.sent + t.delivered + t.read + t.undelivered + t.rejected + t.queued)} outbound, {formatCount(t.received)} inbound,{' '}
              {formatCount(t.conversations)} WhatsApp conversations opened.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {t.messages === 0 ? (
              <EmptyState icon={<FileBarChart />} title="No messages in this range">
                Choose a longer range, or another subaccount or channel.
              </EmptyState>
            ) : (
              <ReportChart
                rows={report.data}
                periods={periodsBetween(q.from, q.to, q.interval)}
                groupBy={q.groupBy ?? null}
                names={names}
                currency={t.cost.currency}
              />
            )}
          </CardContent>
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>{q.interval === 'month' ? 'Monthly' : 'Daily'} usage</CardTitle>
            <CardDescription>Messages in their current state, by the local day or month they were created in.</CardDescription>
          </CardHeader>
          <ReportTable rows={report.data} totals={t} groupBy={q.groupBy ?? null} names={names} />
        </Card>
      </InsightsFrame>
    </>
  );
}
