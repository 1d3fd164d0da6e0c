'use client';
import * as React from 'react';
import { Card, CardContent } from '@/components/ui/card';
import { ProgressBar } from '@/components/campaigns/progress-bar';
import { campaignProgress, formatPercent } from '@/components/campaigns/campaign-progress';
import { formatCount, formatDateTime } from '@/components/campaigns/format';
import type { CampaignData } from '@/components/campaigns/campaign-types';
import { cn } from '@/lib/utils';

/** Measured sending speed: recipients handled per second between polls, smoothed. */
function useMeasuredRate(done: number, active: boolean): number | null {
  const last = React.useRef<{ done: number; at: number } | null>(null);
  const [rate, setRate] = React.useState<number | null>(null);
  React.useEffect(() => {
    const now = Date.now();
    const prev = last.current;
    last.current = { done, at: now };
    if (!active) {
      setRate(null);
      return;
    }
    if (!prev || now - prev.at < 300) return;
    const instant = Math.max(0, (done - prev.done) / ((now - prev.at) / 1000));
    setRate((r) => (r === null ? instant : r * 0.6 + instant * 0.4));
  }, [done, active]);
  return rate;
}

function eta(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function ProgressCard({ campaign }: { campaign: CampaignData }) {
  const p = campaignProgress(campaign.counts);
  const running = campaign.status === 'running';
  const rate = useMeasuredRate(p.done, running);
  const complete = campaign.status === 'completed';
  const detail =
    campaign.status === 'scheduled'
      ? campaign.scheduledAt
        ? `Starts ${formatDateTime(campaign.scheduledAt)}${campaign.schedule?.recipientLocalTime ? ', at that time in each recipient’s own zone' : ''}`
        : 'Waiting for its start time'
      : running
        ? rate && rate > 0.5
          ? `${formatCount(Math.round(rate))} per second · about ${eta((p.total - p.done) / rate)} left`
          : `Up to ${formatCount(campaign.ratePerSecond)} per second`
        : complete && campaign.completedAt
          ? `Finished ${formatDateTime(campaign.completedAt)}`
          : campaign.status === 'paused'
            ? `${formatCount(p.pending)} recipients wait until you resume`
            : campaign.status === 'cancelled'
              ? `${formatCount(p.pending)} recipients were not sent`
              : '';
  const tiles = [
    { key: 'queued', label: 'Queued', value: p.queued + p.pending, tone: '' },
    { key: 'sent', label: 'Sent', value: p.sent, tone: '' },
    { key: 'delivered', label: 'Delivered', value: p.delivered, tone: 'text-green-700 dark:text-green-400' },
    { key: 'read', label: 'Read', value: p.read, tone: 'text-sky-700 dark:text-sky-400' },
    { key: 'failed', label: 'Failed', value: p.failed, tone: p.failed ? 'text-red-700 dark:text-red-400' : '' },
    { key: 'skipped', label: 'Skipped', value: p.skipped, tone: p.skipped ? 'text-amber-700 dark:text-amber-300' : '' },
  ];
  return (
    <Card data-testid="progress-card">
      <CardContent className="space-y-5 pt-5">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <p className="text-3xl font-semibold tabular-nums" data-testid="progress-percent">
            {formatPercent(complete ? 1 : p.fraction)}
          </p>
          <p className="text-sm text-muted-foreground tabular-nums">
            {formatCount(p.done)} of {formatCount(p.total)} recipients handled
          </p>
        </div>
        <ProgressBar
          ariaLabel="Sending progress"
          testId="campaign-progress"
          value={p.done}
          max={p.total || 1}
          done={complete}
          tone={campaign.status === 'paused' ? 'warning' : campaign.status === 'cancelled' ? 'muted' : 'primary'}
          size="lg"
          detail={detail}
        />
        <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-[var(--radius)] border bg-border sm:grid-cols-3">
          {tiles.map((t) => (
            <div key={t.key} className="min-w-0 bg-card px-3 py-2.5" data-testid={`counter-${t.key}`}>
              <dt className="text-xs font-medium text-muted-foreground">{t.label}</dt>
              <dd className={cn('truncate text-xl font-semibold tabular-nums', t.tone)} data-value={t.value}>
                {formatCount(t.value)}
              </dd>
              <p className="text-[11px] tabular-nums text-muted-foreground">
                {t.key === 'queued' ? 'not yet sent' : p.total ? formatPercent(t.value / p.total) : ' '}
              </p>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
