import type { Metadata } from 'next';
import Link from 'next/link';
import { ScrollText } from 'lucide-react';
import { db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { listMessages, type LogsPage as LogsPageData } from '@/lib/messaging/logs/list-messages';
import { requireAccountPage } from '@/app/_lib/console-context';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { LogsFilters } from './logs-filters';
import { LogsTable } from './logs-table';

export const metadata: Metadata = { title: 'Logs' };

const FILTERS = ['direction', 'status', 'channel', 'country', 'msisdn', 'umid', 'from', 'to', 'cursor'] as const;

export default async function LogsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { account } = await requireAccountPage('logs.view');
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === 'string' ? (sp[k] as string) : undefined);
  const subs = await listAccountStructure(db, account.id);
  const subAccountId = subs.find((s) => s.id === one('subAccountId'))?.id ?? subs[0]?.id;
  const query: Record<string, string> = {};
  for (const f of FILTERS) {
    const v = one(f)?.trim();
    if (v) query[f] = v;
  }
  let page: LogsPageData = { data: [], nextCursor: null };
  let error: string | null = null;
  if (subAccountId) {
    try {
      page = await listMessages(db, subAccountId, query);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      error = err.issues.map((i) => `${i.path}: ${i.message}`).join('; ') || err.message;
    }
  }
  const nextHref = page.nextCursor ? `/logs?${new URLSearchParams({ ...query, subAccountId: subAccountId ?? '', cursor: page.nextCursor })}` : null;
  const { cursor: _c, ...withoutCursor } = query;
  const refreshHref = `/logs?${new URLSearchParams({ ...withoutCursor, subAccountId: subAccountId ?? '' })}`;

  return (
    <>
      <PageHeader
        title="Logs"
        description="Every message sent and received, newest first. Filters live in the address bar, so a filtered view can be shared."
        actions={
          <Button asChild variant="outline">
            <Link href={refreshHref}>Refresh</Link>
          </Button>
        }
      />
      <LogsFilters subAccounts={subs.map((s) => ({ id: s.id, name: s.name }))} values={{ ...query, subAccountId: subAccountId ?? '' }} />
      {error ? (
        <p role="alert" className="mb-4 rounded-md border border-destructive/40 bg-destructive/10 px-4 py-2 text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <Card>
        <LogsTable
          messages={page.data}
          empty={
            <EmptyState icon={<ScrollText />} title={Object.keys(query).length ? 'No messages match these filters' : 'No messages yet'}>
              Messages appear here as soon as they are sent through the API, a campaign, an automation or the Simulator.
            </EmptyState>
          }
        />
      </Card>
      <div className="mt-4 flex items-center justify-between text-sm text-muted-foreground">
        <span>{page.data.length} shown</span>
        {nextHref ? (
          <Button asChild variant="outline" size="sm">
            <Link href={nextHref}>Older messages</Link>
          </Button>
        ) : null}
      </div>
    </>
  );
}
