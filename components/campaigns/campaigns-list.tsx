'use client';
import * as React from 'react';
import Link from 'next/link';
import { Megaphone, Plus, Upload } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { SORTED_TIME_COLUMN } from '@/components/data-table/common-columns';
import { CampaignStatusBadge } from '@/components/campaigns/campaign-status-badge';
import { campaignProgress, formatPercent } from '@/components/campaigns/campaign-progress';
import { formatCount, formatDateTime, STATUS_LABELS } from '@/components/campaigns/format';
import type { CampaignListRow } from '@/components/campaigns/campaign-types';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '@/lib/campaigns/campaign-spec';
import { cn } from '@/lib/utils';

export function CampaignsList({
  campaigns,
  status,
  canSend,
  olderHref,
}: {
  campaigns: CampaignListRow[];
  status: CampaignStatus | null;
  canSend: boolean;
  /** The next page (older campaigns), when there is one. */
  olderHref: string | null;
}) {
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Send an approved WhatsApp template to a CSV audience or a contact tag, and follow every recipient's delivery."
        actions={
          canSend ? (
            <Button asChild>
              <Link href="/campaigns/new" data-testid="new-campaign">
                <Plus /> New campaign
              </Link>
            </Button>
          ) : undefined
        }
      />
      <StatusFilter current={status} />
      <Card>
        <DataTable
          aria-label="Campaigns"
          columns={COLUMNS}
          data={campaigns}
          getRowId={(c) => c.id}
          rowHref={(c) => `/campaigns/${c.id}`}
          rowProps={(c) => ({ 'data-testid': 'campaign-row', 'data-name': c.name })}
          empty={<Empty status={status} canSend={canSend} />}
        />
      </Card>
      {olderHref ? (
        <div className="mt-4 flex justify-center">
          <Button asChild variant="outline" size="sm">
            <Link href={olderHref}>Show older campaigns</Link>
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** The status filter as links: it lives in the URL, survives a reload and works without JavaScript. */
function StatusFilter({ current }: { current: CampaignStatus | null }) {
  const active = React.useRef<HTMLLIElement>(null);
  // On a phone the strip scrolls sideways: keep the chosen status in view.
  // A block body: an effect returns nothing or a cleanup, and a minified `a?.b()` evaluates to `true` when `a` is null.
  React.useEffect(() => {
    active.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, []);
  const options: [CampaignStatus | null, string][] = [[null, 'All'], ...CAMPAIGN_STATUSES.map((s) => [s, STATUS_LABELS[s]] as [CampaignStatus, string])];
  return (
    <nav aria-label="Filter by status" className="-mx-4 mb-4 overflow-x-auto px-4 md:mx-0 md:px-0">
      <ul className="inline-flex w-max items-center rounded-[var(--radius)] border bg-muted p-0.5 text-sm">
        {options.map(([s, label]) => {
          const isActive = s === current;
          return (
            <li key={label} ref={isActive ? active : undefined}>
              <Link
                href={s ? `/campaigns?status=${s}` : '/campaigns'}
                aria-current={isActive ? 'page' : undefined}
                className={cn(
                  'inline-flex items-center whitespace-nowrap rounded-[calc(var(--radius)-2px)] px-3 py-1 font-medium text-muted-foreground transition-colors hover:text-foreground',
                  isActive && 'bg-card text-foreground shadow-xs dark:bg-input/60',
                )}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Empty({ status, canSend }: { status: CampaignStatus | null; canSend: boolean }) {
  if (status)
    return (
      <EmptyState icon={<Megaphone />} title={`No ${STATUS_LABELS[status].toLowerCase()} campaigns`}>
        <Link href="/campaigns" className="text-primary hover:underline">
          See all campaigns
        </Link>
      </EmptyState>
    );
  return (
    <EmptyState icon={<Megaphone />} title="No campaigns yet">
      <p>Upload a CSV of up to a million recipients, map its columns to an approved template, check every row, then send or schedule.</p>
      {canSend ? (
        <Button asChild className="mt-4">
          <Link href="/campaigns/new">
            <Upload /> Start your first campaign
          </Link>
        </Button>
      ) : (
        <p className="mt-2">Campaigns created for this account will appear here.</p>
      )}
    </EmptyState>
  );
}

const col = dataTableColumns<CampaignListRow>();

const COLUMNS = col.columns([
  col.accessor('name', {
    header: 'Campaign',
    enableSorting: true,
    meta: { cellClassName: 'min-w-36 sm:min-w-44 [overflow-wrap:anywhere]' },
    cell: ({ row: { original: c } }) => (
      <div className="min-w-0">
        <Link href={`/campaigns/${c.id}`} className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-ring">
          {c.name}
        </Link>
        <p className="mt-0.5 truncate font-mono text-xs text-muted-foreground">
          {c.template.name} · {c.template.language}
        </p>
        {/* On a phone the status rides under the name, so that the audience still fits beside it. */}
        <div className="mt-1.5 sm:hidden">
          <CampaignStatusBadge status={c.status} />
        </div>
      </div>
    ),
  }),
  col.accessor('status', {
    header: 'Status',
    enableSorting: true,
    meta: { className: 'hidden sm:table-cell' },
    cell: ({ row: { original: c } }) => (
      <div className="flex flex-col items-start gap-1">
        <CampaignStatusBadge status={c.status} />
        {c.status === 'scheduled' && c.scheduledAt ? (
          <span className="text-xs whitespace-nowrap text-muted-foreground">{formatDateTime(c.scheduledAt)}</span>
        ) : null}
        {c.status === 'paused' && c.stopReason ? (
          <span className="line-clamp-2 max-w-48 text-xs text-amber-700 dark:text-amber-300" title={c.stopReason}>
            {c.stopReason}
          </span>
        ) : null}
      </div>
    ),
  }),
  col.accessor((c) => c.counts.valid, {
    id: 'audience',
    header: 'Audience',
    enableSorting: true,
    meta: { className: 'text-right', cellClassName: 'whitespace-nowrap tabular-nums' },
    cell: ({ row: { original: c } }) => (
      <div>
        <span className="font-medium">{formatCount(c.counts.valid)}</span>
        {c.counts.rows !== c.counts.valid ? <p className="text-xs text-muted-foreground">of {formatCount(c.counts.rows)} rows</p> : null}
      </div>
    ),
  }),
  col.display({
    id: 'progress',
    header: 'Progress',
    meta: { className: 'hidden w-48 sm:table-cell' },
    cell: ({ row: { original: c } }) => <ListProgress row={c} />,
  }),
  col.accessor('createdAt', { header: 'Created', ...SORTED_TIME_COLUMN, meta: { className: 'hidden whitespace-nowrap md:table-cell' } }),
]);

function ListProgress({ row }: { row: CampaignListRow }) {
  if (row.status === 'draft' || row.status === 'scheduled') return <span className="text-xs text-muted-foreground">Not started</span>;
  const p = campaignProgress(row.counts);
  return (
    <div className="space-y-1" title={`${formatCount(p.done)} of ${formatCount(p.total)} handled`}>
      <div className="h-1.5 overflow-hidden rounded-full bg-muted">
        <div
          className={cn(
            'h-full rounded-full',
            row.status === 'paused'
              ? 'bg-amber-500'
              : row.status === 'cancelled'
                ? 'bg-muted-foreground/50'
                : row.status === 'completed'
                  ? 'bg-green-600 dark:bg-green-500'
                  : 'bg-primary',
          )}
          style={{ width: `${Math.min(100, p.fraction * 100)}%` }}
        />
      </div>
      <p className="text-xs tabular-nums text-muted-foreground">
        {formatPercent(p.fraction)} · {formatCount(p.delivered)} delivered
      </p>
    </div>
  );
}
