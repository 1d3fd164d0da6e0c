import { Badge } from '@/components/ui/badge';
import type { CampaignStatus } from '@/lib/campaigns/campaign-spec';
import { STATUS_LABELS } from '@/components/campaigns/format';

const TONE = {
  draft: 'neutral',
  scheduled: 'info',
  running: 'info',
  paused: 'warning',
  completed: 'success',
  cancelled: 'danger',
} as const satisfies Record<CampaignStatus, string>;

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <Badge tone={TONE[status]} data-testid="campaign-status" data-status={status}>
      {status === 'running' ? <span className="size-1.5 animate-pulse rounded-full bg-current" aria-hidden /> : null}
      {STATUS_LABELS[status]}
    </Badge>
  );
}
