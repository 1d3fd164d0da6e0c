import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { AppError, ValidationError } from '@/lib/errors';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { getAccountTimeZone } from '@/lib/tenancy/get-account-time-zone';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';
import { listAccountMessages } from '@/lib/messaging/logs/list-account-messages';
import { countMessages, type LogsCount } from '@/lib/messaging/logs/count-messages';
import type { LogsPage as LogsPageData } from '@/lib/messaging/logs/list-messages';
import { requireAccountPage } from '@/app/_lib/console-context';
import { PageHeader } from '@/components/ui/page-header';
import { LogsFilterForm } from '@/components/insights/logs/logs-filter-form';
import { LOGS_FILTER_KEYS } from '@/components/insights/logs/logs-filter-keys';
import { LogsView } from '@/components/insights/logs/logs-view';

export const metadata: Metadata = { title: 'Logs' };

export default async function LogsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { account } = await requireAccountPage('logs.view');
  const sp = await searchParams;
  const filters: Record<string, string> = {};
  for (const key of LOGS_FILTER_KEYS) {
    const v = typeof sp[key] === 'string' ? (sp[key] as string).trim() : '';
    if (v) filters[key] = v;
  }
  const [subs, timeZone, campaigns] = await Promise.all([
    listAccountStructure(db, account.id),
    getAccountTimeZone(db, account.id),
    listCampaigns(db, account.id, { limit: 200 }),
  ]);
  let page: LogsPageData = { data: [], nextCursor: null };
  let count: LogsCount = { count: 0, atLeast: false };
  let error: string | null = null;
  try {
    [page, count] = await Promise.all([listAccountMessages(db, account.id, { ...filters, limit: '50' }), countMessages(db, account.id, filters)]);
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    error = err instanceof ValidationError ? err.issues.map((i) => `${i.path}: ${i.message}`).join('; ') || err.message : err.message;
  }
  const key = JSON.stringify(filters);

  return (
    <>
      <PageHeader
        title="Logs"
        description="Every message sent and received, newest first and live. Filters live in the address bar, so a filtered view can be shared; click a message for its details."
      />
      <LogsFilterForm
        key={`filters-${key}`}
        values={filters}
        subAccounts={subs.map((s) => ({ id: s.id, name: s.name }))}
        campaigns={campaigns.data.map((c) => ({ id: c.id, name: c.name }))}
        timeZone={timeZone}
      />
      {error ? (
        <p role="alert" className="mb-4 rounded-md border border-destructive/40 bg-destructive/10 px-4 py-2 text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <LogsView
        key={`view-${key}`}
        initial={page}
        count={count}
        filters={filters}
        timeZone={timeZone}
        openMessage={typeof sp.message === 'string' ? sp.message : null}
      />
    </>
  );
}
