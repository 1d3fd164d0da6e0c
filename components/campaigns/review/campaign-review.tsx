'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ArrowLeft, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { PageHeader } from '@/components/ui/page-header';
import { WizardStepper } from '@/components/campaigns/wizard/wizard-stepper';
import { AudienceCounts } from '@/components/campaigns/review/audience-counts';
import { ProblemsCard } from '@/components/campaigns/review/problems-card';
import { EstimateCard } from '@/components/campaigns/review/estimate-card';
import { LaunchCard, type LaunchInput } from '@/components/campaigns/review/launch-card';
import { RecipientPreviewCard } from '@/components/campaigns/review/recipient-preview-card';
import { TestSendCard, type TestSendAction } from '@/components/campaigns/review/test-send-card';
import type { CampaignData } from '@/components/campaigns/campaign-types';
import type { TemplateComponent } from '@/lib/templates/template-schema';

type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export type ReviewActions = {
  testSend: TestSendAction;
  launch: (input: LaunchInput) => Promise<ActionResult<{ id: string; status: string }>>;
  deleteDraft: (input: { id: string }) => Promise<ActionResult<unknown>>;
};

/** A draft campaign: what will happen to every row, what the message looks like, what it costs; then send. */
export function CampaignReview({
  campaign,
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
  actions: ReviewActions;
}) {
  const router = useRouter();
  const [row, setRow] = React.useState<number | null>(null);
  const [pending, start] = React.useTransition();
  const [deleting, setDeleting] = React.useState(false);
  const remap = `/campaigns/new?draft=${encodeURIComponent(campaign.id)}`;

  function launch(input: LaunchInput) {
    start(async () => {
      const r = await actions.launch(input);
      if (!r.ok) {
        toast.error(r.error);
        return;
      }
      toast.success(r.data.status === 'scheduled' ? 'Campaign scheduled' : 'Sending started');
      router.refresh();
    });
  }

  function remove() {
    start(async () => {
      const r = await actions.deleteDraft({ id: campaign.id });
      if (!r.ok) {
        toast.error(r.error);
        return;
      }
      toast.success('Draft deleted');
      router.push('/campaigns');
    });
  }

  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`Draft · ${campaign.template.name} (${campaign.template.language}) from ${subAccountName}. Check the rows and the message, then send.`}
        actions={
          canSend ? (
            <>
              <Button asChild variant="outline">
                <Link href={remap} data-testid="back-to-mapping">
                  <ArrowLeft /> Back to mapping
                </Link>
              </Button>
              <Button variant="ghost" aria-label="Delete draft" onClick={() => setDeleting(true)}>
                <Trash2 />
              </Button>
            </>
          ) : undefined
        }
      />
      {canSend ? <WizardStepper current={3} reached={3} onStep={(i) => router.push(`${remap}&step=${i}`)} /> : null}
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_360px] lg:grid-rows-[auto_auto_auto_auto_1fr]">
        <AudienceCounts counts={campaign.counts} />
        <aside className="space-y-5 lg:sticky lg:top-20 lg:col-start-2 lg:row-span-5 lg:row-start-1 lg:self-start">
          <RecipientPreviewCard campaignId={campaign.id} template={template} businessName={businessName} onRow={setRow} />
          {canSend && campaign.counts.valid > 0 ? <TestSendCard campaignId={campaign.id} row={row} testSend={actions.testSend} /> : null}
        </aside>
        <ProblemsCard campaignId={campaign.id} counts={campaign.counts} />
        <EstimateCard campaign={campaign} />
        {canSend ? <LaunchCard campaign={campaign} onLaunch={launch} pending={pending} /> : null}
      </div>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title="Delete this draft?"
        description="Its audience and mapping are removed. Nothing was sent, so nobody notices."
        confirmLabel="Delete draft"
        pending={pending}
        onConfirm={() => {
          setDeleting(false);
          remove();
        }}
      />
    </>
  );
}
