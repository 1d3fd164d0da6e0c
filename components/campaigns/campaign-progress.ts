import type { CampaignCounts } from '@/lib/campaigns/campaign-spec';

/**
 * Where sending stands. Each recipient is in exactly one state (the counters count states now), so
 * the funnel a marketer reads is cumulative: everything delivered was sent, everything read was
 * delivered. `done` is every recipient that left the queue, whatever the outcome.
 */
export function campaignProgress(c: CampaignCounts) {
  const total = c.pending + c.queued + c.sent + c.delivered + c.read + c.failed + c.skipped;
  const done = total - c.pending - c.queued;
  return {
    total,
    done,
    fraction: total ? done / total : 0,
    sent: c.sent + c.delivered + c.read,
    delivered: c.delivered + c.read,
    read: c.read,
    failed: c.failed,
    skipped: c.skipped,
    queued: c.queued,
    pending: c.pending,
  };
}

/** "42%" with one decimal under 10% (a million-row campaign moves slowly at first), never 100% before the end. */
export function formatPercent(fraction: number): string {
  if (fraction >= 1) return '100%';
  const p = fraction * 100;
  if (p > 99.5) return '99%';
  if (p > 0 && p < 0.1) return '<0.1%';
  return p < 10 && p > 0 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}
