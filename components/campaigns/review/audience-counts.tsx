import { Card } from '@/components/ui/card';
import { formatCount } from '@/components/campaigns/format';
import type { CampaignCounts } from '@/lib/campaigns/campaign-spec';
import { cn } from '@/lib/utils';

/** Rows, and what became of them: valid + invalid + duplicates + opted out = rows. */
export function AudienceCounts({ counts }: { counts: CampaignCounts }) {
  const tiles = [
    { key: 'rows', label: 'Rows', value: counts.rows, tone: '' },
    { key: 'valid', label: 'Will be sent', value: counts.valid, tone: 'text-green-700 dark:text-green-400' },
    { key: 'invalid', label: 'Invalid', value: counts.invalid, tone: counts.invalid ? 'text-red-700 dark:text-red-400' : '' },
    { key: 'duplicates', label: 'Duplicates', value: counts.duplicates, tone: counts.duplicates ? 'text-amber-700 dark:text-amber-300' : '' },
    { key: 'optedOut', label: 'Opted out', value: counts.optedOut, tone: '' },
  ];
  return (
    <Card className="grid grid-cols-2 divide-border sm:grid-cols-5 sm:divide-x" data-testid="audience-counts">
      {tiles.map((t, i) => (
        <div key={t.key} className={cn('px-4 py-3', i === 0 && 'col-span-2 border-b sm:col-span-1 sm:border-b-0')} data-testid={`count-${t.key}`}>
          <p className="text-xs font-medium text-muted-foreground">{t.label}</p>
          <p className={cn('mt-0.5 text-2xl font-semibold tabular-nums', t.tone)} data-value={t.value}>
            {formatCount(t.value)}
          </p>
          {t.key !== 'rows' && counts.rows ? <p className="text-xs tabular-nums text-muted-foreground">{Math.round((t.value / counts.rows) * 100)}%</p> : null}
        </div>
      ))}
    </Card>
  );
}
