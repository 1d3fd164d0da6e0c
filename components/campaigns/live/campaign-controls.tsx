'use client';
import * as React from 'react';
import { Loader2, Pause, Play, RotateCcw, XCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatCount } from '@/components/campaigns/format';
import type { CampaignData } from '@/components/campaigns/campaign-types';

export type ControlVerb = 'pause' | 'resume' | 'cancel' | 'retryFailed';

/** The buttons the campaign's status allows; cancelling asks first, since it cannot be undone. */
export function CampaignControls({ campaign, pending, onVerb }: { campaign: CampaignData; pending: ControlVerb | null; onVerb: (v: ControlVerb) => void }) {
  const [confirmCancel, setConfirmCancel] = React.useState(false);
  const s = campaign.status;
  const c = campaign.counts;
  const icon = (v: ControlVerb, I: React.ComponentType) => (pending === v ? <Loader2 className="animate-spin" /> : <I />);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {s === 'running' || s === 'scheduled' ? (
        <Button variant="outline" onClick={() => onVerb('pause')} disabled={!!pending} data-testid="pause-campaign">
          {icon('pause', Pause)} Pause
        </Button>
      ) : null}
      {s === 'paused' ? (
        <Button onClick={() => onVerb('resume')} disabled={!!pending} data-testid="resume-campaign">
          {icon('resume', Play)} Resume
        </Button>
      ) : null}
      {c.failed > 0 && (s === 'completed' || s === 'paused' || s === 'running') ? (
        <Button
          variant="outline"
          onClick={() => onVerb('retryFailed')}
          disabled={!!pending}
          data-testid="retry-failed"
          title="Only failures that can succeed later are sent again"
        >
          {icon('retryFailed', RotateCcw)} Retry failed
        </Button>
      ) : null}
      {s === 'running' || s === 'scheduled' || s === 'paused' ? (
        <Button
          variant="ghost"
          className="text-destructive hover:text-destructive"
          onClick={() => setConfirmCancel(true)}
          disabled={!!pending}
          data-testid="cancel-campaign"
        >
          {icon('cancel', XCircle)} Cancel
        </Button>
      ) : null}
      <ConfirmDialog
        open={confirmCancel}
        onOpenChange={setConfirmCancel}
        title="Cancel this campaign?"
        description={`${formatCount(c.pending + c.queued)} recipients not yet sent will not get the message. Messages already sent stay sent. This cannot be undone.`}
        confirmLabel="Cancel campaign"
        cancelLabel="Keep sending"
        confirmTestId="confirm-cancel"
        onConfirm={() => {
          setConfirmCancel(false);
          onVerb('cancel');
        }}
      />
    </div>
  );
}
