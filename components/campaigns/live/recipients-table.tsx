'use client';
import * as React from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Download, Loader2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { TH, THead } from '@/components/ui/table';
import { Select } from '@/components/ui/input';
import { formatCount } from '@/components/campaigns/format';
import { recipientsUrl, useRecipients } from '@/components/campaigns/use-recipients';
import type { RecipientRow } from '@/components/campaigns/campaign-types';
import type { RecipientStatus } from '@/lib/campaigns/campaign-spec';

const STATUS: Record<RecipientStatus, { label: string; tone: 'neutral' | 'info' | 'success' | 'warning' | 'danger' }> = {
  pending: { label: 'Pending', tone: 'neutral' },
  queued: { label: 'Queued', tone: 'neutral' },
  sent: { label: 'Sent', tone: 'info' },
  delivered: { label: 'Delivered', tone: 'success' },
  read: { label: 'Read', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  skipped: { label: 'Skipped', tone: 'warning' },
  invalid: { label: 'Invalid', tone: 'danger' },
  duplicate: { label: 'Duplicate', tone: 'warning' },
  opted_out: { label: 'Opted out', tone: 'neutral' },
};

const ROW_HEIGHT = 44;

/**
 * Every recipient with its state and error. Rows are fetched a page at a time as the list scrolls and
 * only the visible ones are in the page, so a million recipients scroll like fifty.
 */
export function RecipientsTable({ campaignId, live, total }: { campaignId: string; live: boolean; total: number }) {
  const [status, setStatus] = React.useState('');
  const query = useRecipients(campaignId, status, { limit: 200, refetchInterval: live ? 3000 : false });
  const rows = React.useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  const scroller = React.useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length + (query.hasNextPage ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1);
  const before = items[0]?.start ?? 0;
  const after = last ? virtualizer.getTotalSize() - last.end : 0;
  React.useEffect(() => {
    if (last && last.index >= rows.length - 20 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  }, [last, rows.length, query]);

  return (
    <Card data-testid="recipients-card">
      <CardHeader className="gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <CardTitle>Recipients</CardTitle>
          <CardDescription>{formatCount(total)} rows, each with its state and any error.</CardDescription>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
            Status
            <Select value={status} onChange={(e) => setStatus(e.target.value)} className="h-8 w-40" aria-label="Filter recipients by status">
              <option value="">All</option>
              {Object.entries(STATUS).map(([s, v]) => (
                <option key={s} value={s}>
                  {v.label}
                </option>
              ))}
            </Select>
          </label>
          <Button asChild variant="outline" size="sm">
            <a href={recipientsUrl(campaignId, status, { format: 'csv' })} download data-testid="download-results">
              <Download /> Download results (CSV)
            </a>
          </Button>
        </div>
      </CardHeader>
      {/* A real table with spacer rows above and below the rendered ones: native semantics, sticky header. */}
      <div ref={scroller} className="h-[26rem] overflow-auto" data-testid="recipients-scroller">
        <table className="w-full min-w-[36rem] table-fixed text-sm" aria-label="Recipients" aria-rowcount={total}>
          <colgroup>
            <col className="w-20" />
            <col className="w-44" />
            <col className="w-28" />
            <col />
          </colgroup>
          <THead>
            <tr>
              <TH>Row</TH>
              <TH>Number</TH>
              <TH>Status</TH>
              <TH>Error</TH>
            </tr>
          </THead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="h-80 text-center text-sm text-muted-foreground">
                  {query.isLoading ? (
                    <Loader2 className="inline size-5 animate-spin" aria-label="Loading" />
                  ) : query.error ? (
                    (query.error as Error).message
                  ) : (
                    'No recipient in this state.'
                  )}
                </td>
              </tr>
            ) : (
              <>
                {before > 0 ? (
                  <tr aria-hidden>
                    <td colSpan={4} style={{ height: before, padding: 0 }} />
                  </tr>
                ) : null}
                {items.map((item) => {
                  const r = rows[item.index];
                  return r ? (
                    <RecipientLine key={item.key} r={r} />
                  ) : (
                    <tr key={item.key} style={{ height: ROW_HEIGHT }}>
                      <td colSpan={4} className="px-4 text-xs text-muted-foreground">
                        Loading more…
                      </td>
                    </tr>
                  );
                })}
                {after > 0 ? (
                  <tr aria-hidden>
                    <td colSpan={4} style={{ height: after, padding: 0 }} />
                  </tr>
                ) : null}
              </>
            )}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function RecipientLine({ r }: { r: RecipientRow }) {
  const s = STATUS[r.status] ?? { label: r.status, tone: 'neutral' as const };
  const error =
    r.errors?.map((e) => `${e.column ? `${e.column}: ` : ''}${e.message}`).join(' · ') ||
    (r.errorCode ? `${r.errorCode} ${r.errorMessage ?? ''}` : (r.errorMessage ?? ''));
  return (
    <tr className="border-b hover:bg-muted/40" style={{ height: ROW_HEIGHT }} data-testid="recipient-row" data-status={r.status} aria-rowindex={r.row}>
      <td className="px-4 tabular-nums text-muted-foreground">{r.row}</td>
      <td className="truncate px-4 font-mono text-xs">{r.msisdn}</td>
      <td className="px-4">
        <Badge tone={s.tone}>{s.label}</Badge>
      </td>
      <td className="truncate px-4 text-xs text-muted-foreground" title={error}>
        {error}
      </td>
    </tr>
  );
}
