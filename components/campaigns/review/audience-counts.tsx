import { Card } from '@/components/ui/card';
import { formatCount } from '@/components/campaigns/format';
import type { CampaignCounts } from '@/lib/campaigns/campaign-spec';
import { cn } from '@/lib/utils';

/** Rows, and what became of them (valid + invalid + duplicates + opted out = rows), as a split bar and four numbers. */
export function AudienceCounts({ counts }: { counts: CampaignCounts }) {
  const parts = [
    { key: 'valid', label: 'Will be sent', value: counts.valid, text: 'text-green-700 dark:text-green-400', bar: 'bg-green-600 dark:bg-green-500' },
    { key: 'invalid', label: 'Invalid', value: counts.invalid, text: 'text-red-700 dark:text-red-400', bar: 'bg-red-500' },
    { key: 'duplicates', label: 'Duplicates', value: counts.duplicates, text: 'text-amber-700 dark:text-amber-300', bar: 'bg-amber-400' },
    { key: 'optedOut', label: 'Opted out', value: counts.optedOut, text: '', bar: 'bg-muted-foreground/40' },
  ];
  const pct = (n: number) => (counts.rows ? (n / counts.rows) * 100 : 0);
  return (
    <Card data-testid="audience-counts">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-5 pt-4" data-testid="count-rows">
        <p className="text-sm">
          <span className="text-2xl font-semibold tabular-nums" data-value={counts.rows}>
            {formatCount(counts.rows)}
          </span>{' '}
          <span className="text-muted-foreground">rows in the audience</span>
        </p>
        <p className="text-xs text-muted-foreground">Each row is counted once.</p>
      </div>
      <div className="mx-5 mt-3 flex h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
        {parts.map((p) => (p.value ? <div key={p.key} className={p.bar} style={{ width: `${pct(p.value)}%` }} /> : null))}
      </div>
      <dl className="grid grid-cols-2 gap-px sm:grid-cols-4">
        {parts.map((p) => (
          <div key={p.key} className="min-w-0 px-5 py-3" data-testid={`count-${p.key}`}>
            <dt className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
              <span className={cn('size-2 shrink-0 rounded-full', p.bar)} aria-hidden />
              {p.label}
            </dt>
            <dd className={cn('mt-0.5 truncate text-xl font-semibold tabular-nums', p.value ? p.text : '')} data-value={p.value}>
              {formatCount(p.value)}
            </dd>
            <p className="text-xs tabular-nums text-muted-foreground">{counts.rows ? `${Math.round(pct(p.value))}%` : '—'}</p>
          </div>
        ))}
      </dl>
    </Card>
  );
}
