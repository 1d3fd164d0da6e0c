'use client';
import * as React from 'react';
import { CheckCircle2, Download, Loader2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatCount } from '@/components/campaigns/format';
import { recipientsUrl, useRecipients } from '@/components/campaigns/use-recipients';
import type { RecipientRow } from '@/components/campaigns/campaign-types';
import type { CampaignCounts } from '@/lib/campaigns/campaign-spec';
import { cn } from '@/lib/utils';

const FILTERS = [
  { status: 'problems', label: 'All problems', count: (c: CampaignCounts) => c.invalid + c.duplicates + c.optedOut },
  { status: 'invalid', label: 'Invalid', count: (c: CampaignCounts) => c.invalid },
  { status: 'duplicate', label: 'Duplicates', count: (c: CampaignCounts) => c.duplicates },
  { status: 'opted_out', label: 'Opted out', count: (c: CampaignCounts) => c.optedOut },
] as const;

const STATUS_BADGE: Record<string, { label: string; tone: 'danger' | 'warning' | 'neutral' }> = {
  invalid: { label: 'Invalid', tone: 'danger' },
  duplicate: { label: 'Duplicate', tone: 'warning' },
  opted_out: { label: 'Opted out', tone: 'neutral' },
};

/** The rows that will not be sent and why (row, column, reason), with the whole list as a CSV. */
export function ProblemsCard({ campaignId, counts }: { campaignId: string; counts: CampaignCounts }) {
  const [status, setStatus] = React.useState<string>('problems');
  const total = FILTERS[0].count(counts);
  const query = useRecipients(campaignId, status, { limit: 50 });
  const rows = query.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Card data-testid="problems-card">
      <CardHeader className="gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <CardTitle>Rows that will not be sent</CardTitle>
          <CardDescription>
            {total
              ? `${formatCount(total)} of ${formatCount(counts.rows)} rows, each with the column and the reason.`
              : 'Every row has a valid number and every value it needs.'}
          </CardDescription>
        </div>
        {total ? (
          <Button asChild variant="outline" size="sm" className="shrink-0">
            <a href={recipientsUrl(campaignId, 'problems', { format: 'csv' })} download data-testid="download-problems">
              <Download /> Download problem report (CSV)
            </a>
          </Button>
        ) : null}
      </CardHeader>
      {total === 0 ? (
        <div className="flex items-center gap-2 px-5 py-4 text-sm text-green-700 dark:text-green-400">
          <CheckCircle2 className="size-4" aria-hidden /> No problems found.
        </div>
      ) : (
        <>
          <div className="flex flex-wrap gap-1.5 border-b px-5 py-3" role="radiogroup" aria-label="Show">
            {FILTERS.filter((f) => f.status === 'problems' || f.count(counts) > 0).map((f) => (
              // biome-ignore lint/a11y/useSemanticElements: filter chips (WAI-ARIA's radio pattern on buttons)
              <button
                key={f.status}
                type="button"
                role="radio"
                aria-checked={status === f.status}
                onClick={() => setStatus(f.status)}
                className={cn(
                  'rounded-full border px-2.5 py-0.5 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-ring',
                  status === f.status ? 'border-primary bg-accent text-accent-foreground' : 'text-muted-foreground hover:bg-muted',
                )}
              >
                {f.label} <span className="tabular-nums">{formatCount(f.count(counts))}</span>
              </button>
            ))}
          </div>
          <Table containerClassName="max-h-96" aria-label="Problem rows">
            <THead>
              <tr>
                <TH className="w-16">Row</TH>
                <TH>Number</TH>
                <TH>Problem</TH>
                <TH>Column</TH>
                <TH>Reason</TH>
              </tr>
            </THead>
            <TBody>
              {rows
                .flatMap((r) => problemLines(r))
                .map((line) => (
                  <TR key={line.key} data-testid="problem-row" data-row={line.row}>
                    <TD className="tabular-nums text-muted-foreground">{line.first ? line.row : ''}</TD>
                    <TD className="max-w-40 truncate font-mono text-xs">
                      {line.first ? line.msisdn || <span className="italic text-muted-foreground">empty</span> : ''}
                    </TD>
                    <TD>
                      {line.first ? <Badge tone={STATUS_BADGE[line.status]?.tone ?? 'neutral'}>{STATUS_BADGE[line.status]?.label ?? line.status}</Badge> : null}
                    </TD>
                    <TD className="whitespace-nowrap font-mono text-xs">{line.column}</TD>
                    <TD className="min-w-48 text-xs">{line.reason}</TD>
                  </TR>
                ))}
            </TBody>
          </Table>
          <div className="flex items-center justify-center border-t px-5 py-2.5 text-xs text-muted-foreground">
            {query.isLoading ? (
              <Loader2 className="size-4 animate-spin" aria-label="Loading" />
            ) : query.hasNextPage ? (
              <Button variant="ghost" size="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? <Loader2 className="animate-spin" /> : null} Show more rows
              </Button>
            ) : query.error ? (
              <span className="text-destructive">{(query.error as Error).message}</span>
            ) : (
              <span>{formatCount(rows.length)} shown — the CSV has them all</span>
            )}
          </div>
        </>
      )}
    </Card>
  );
}

type Line = { key: string; row: number; msisdn: string; status: string; column: string; reason: string; first: boolean };

function problemLines(r: RecipientRow): Line[] {
  const base = { row: r.row, msisdn: r.msisdn, status: r.status };
  if (r.errors?.length) return r.errors.map((e, i) => ({ ...base, key: `${r.row}-${i}`, column: e.column, reason: e.message, first: i === 0 }));
  const reason =
    r.status === 'duplicate'
      ? 'The same number is on an earlier row; it is sent once.'
      : r.status === 'opted_out'
        ? 'This customer opted out of marketing messages.'
        : (r.errorMessage ?? '');
  return [{ ...base, key: `${r.row}`, column: '', reason, first: true }];
}
