'use client';
import * as React from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, Download } from 'lucide-react';
import { toast } from 'sonner';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { CampaignStatusBadge } from '@/components/campaigns/campaign-status-badge';
import { CampaignControls, type ControlVerb } from '@/components/campaigns/live/campaign-controls';
import { ProgressCard } from '@/components/campaigns/live/progress-card';
import { RecipientsTable } from '@/components/campaigns/live/recipients-table';
import { TimelineChart } from '@/components/campaigns/live/timeline-chart';
import { RecipientPreviewCard } from '@/components/campaigns/review/recipient-preview-card';
import { formatCount, formatDateTime } from '@/components/campaigns/format';
import { fetchJson, recipientsUrl } from '@/components/campaigns/use-recipients';
import type { CampaignData, TimelinePoint } from '@/components/campaigns/campaign-types';
import type { TemplateComponent } from '@/lib/templates/template-schema';

type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };
export type LiveActions = Record<ControlVerb, (input: { id: string }) => Promise<ActionResult<unknown>>>;

const DONE_MESSAGES: Record<ControlVerb, string> = {
  pause: 'Campaign paused',
  resume: 'Sending resumed',
  cancel: 'Campaign cancelled',
  retryFailed: 'Failed recipients are being sent again',
};

// Receipts keep arriving for a while after the last send: keep watching for two minutes.
const SETTLING_MS = 120_000;
const isActive = (c: CampaignData) => c.status === 'running' || c.status === 'scheduled';
const isSettling = (c: CampaignData) => !!c.completedAt && Date.now() - Date.parse(c.completedAt) < SETTLING_MS;

export function CampaignLive({
  campaign: initial,
  template,
  businessName,
  subAccountName,
  canSend,
  actions,
}: {
  campaign: CampaignData;
  template: { name: string; language: string; category: string; components: TemplateComponent[] } | null;
  businessName: string;
  subAccountName: string;
  canSend: boolean;
  actions: LiveActions;
}) {
  const client = useQueryClient();
  const key = ['campaign', initial.id];
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<{ campaign: CampaignData }>(`/campaigns/${encodeURIComponent(initial.id)}/live`),
    initialData: { campaign: initial },
    staleTime: 0,
    refetchInterval: (q) => {
      const c = q.state.data?.campaign;
      return c && isActive(c) ? 1000 : c && isSettling(c) ? 2000 : false;
    },
  });
  const campaign = data.campaign;
  const live = isActive(campaign) || isSettling(campaign);
  const timeline = useQuery({
    queryKey: ['campaign-timeline', initial.id],
    queryFn: () => fetchJson<{ bucketSeconds: number; points: TimelinePoint[] }>(`/campaigns/${encodeURIComponent(initial.id)}/timeline`),
    refetchInterval: live ? 3000 : false,
  });
  const [pending, setPending] = React.useState<ControlVerb | null>(null);

  async function run(verb: ControlVerb) {
    setPending(verb);
    try {
      const r = await actions[verb]({ id: campaign.id });
      if (!r.ok) toast.error(r.error);
      else toast.success(DONE_MESSAGES[verb]);
      await client.invalidateQueries({ queryKey: key });
      await client.invalidateQueries({ queryKey: ['campaign-recipients', campaign.id] });
    } finally {
      setPending(null);
    }
  }

  const problems = campaign.counts.invalid + campaign.counts.duplicates + campaign.counts.optedOut;
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`${campaign.template.name} (${campaign.template.language}) from ${subAccountName}, to ${formatCount(campaign.counts.valid)} recipients.`}
        actions={canSend ? <CampaignControls campaign={campaign} pending={pending} onVerb={(v) => void run(v)} /> : undefined}
      />
      <div className="mb-5 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        <CampaignStatusBadge status={campaign.status} />
        {campaign.startedAt ? <span>Started {formatDateTime(campaign.startedAt)}</span> : null}
      </div>
      {campaign.stopReason ? (
        <div
          role="alert"
          data-testid="stop-reason"
          className="mb-5 flex items-start gap-3 rounded-[var(--radius)] border border-amber-500/40 bg-amber-50 p-4 text-amber-900 dark:bg-amber-500/10 dark:text-amber-200"
        >
          <AlertTriangle className="mt-0.5 size-5 shrink-0" aria-hidden />
          <div>
            <p className="font-medium">{campaign.status === 'paused' ? 'Sending stopped' : 'Note'}</p>
            <p className="text-sm">{campaign.stopReason}</p>
            {campaign.status === 'paused' && canSend ? (
              <p className="mt-1 text-xs opacity-80">Resume when the cause is resolved; nobody gets the message twice.</p>
            ) : null}
          </div>
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-5 xl:grid-cols-[minmax(0,1fr)_340px]">
        <div className="min-w-0 space-y-5">
          <ProgressCard campaign={campaign} />
          <TimelineChart points={timeline.data?.points ?? []} bucketSeconds={timeline.data?.bucketSeconds ?? 1} />
          <RecipientsTable campaignId={campaign.id} live={isActive(campaign)} total={campaign.counts.rows} />
        </div>
        <aside className="space-y-5 xl:sticky xl:top-20 xl:self-start">
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
                <Detail label="Template" value={`${campaign.template.name} · ${campaign.template.language}`} mono />
                <Detail label="From" value={subAccountName} />
                <Detail label="Rate" value={`${formatCount(campaign.ratePerSecond)} per second`} />
                <Detail label="Created" value={formatDateTime(campaign.createdAt)} />
                {campaign.completedAt ? <Detail label="Finished" value={formatDateTime(campaign.completedAt)} /> : null}
                <Detail label="Rows" value={formatCount(campaign.counts.rows)} />
                <Detail
                  label="Not sent"
                  value={`${formatCount(campaign.counts.invalid)} invalid · ${formatCount(campaign.counts.duplicates)} duplicate · ${formatCount(campaign.counts.optedOut)} opted out`}
                />
              </dl>
              {problems ? (
                <a
                  href={recipientsUrl(campaign.id, 'problems', { format: 'csv' })}
                  download
                  className="mt-3 inline-flex items-center gap-1.5 text-xs font-medium text-primary hover:underline"
                >
                  <Download className="size-3.5" aria-hidden /> Problem report (CSV)
                </a>
              ) : null}
            </CardContent>
          </Card>
          <RecipientPreviewCard campaignId={campaign.id} template={template} businessName={businessName} />
        </aside>
      </div>
    </>
  );
}

function Detail({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={mono ? 'min-w-0 font-mono text-xs leading-5 [overflow-wrap:anywhere]' : 'min-w-0 [overflow-wrap:anywhere]'}>{value}</dd>
    </>
  );
}
