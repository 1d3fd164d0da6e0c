import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db/client';
import { can } from '@/lib/auth/principal';
import { NotFoundError } from '@/lib/errors';
import { requireAccountPage } from '@/app/_lib/console-context';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { findApprovedTemplate } from '@/lib/templates/find-approved-template';
import { listTemplates } from '@/lib/templates/list-templates';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { CampaignReview } from '@/components/campaigns/review/campaign-review';
import { CampaignLive } from '@/components/campaigns/live/campaign-live';
import { campaignData } from '../_lib/campaign-data';
import {
  cancelCampaignAction,
  deleteCampaignAction,
  launchCampaignAction,
  pauseCampaignAction,
  resumeCampaignAction,
  retryFailedCampaignAction,
  testSendCampaignAction,
} from '../actions';

export const metadata: Metadata = { title: 'Campaign' };

const reviewActions = { testSend: testSendCampaignAction, launch: launchCampaignAction, deleteDraft: deleteCampaignAction };
const liveActions = { pause: pauseCampaignAction, resume: resumeCampaignAction, cancel: cancelCampaignAction, retryFailed: retryFailedCampaignAction };

/** A draft opens at its review; a campaign past draft at its live page. */
export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { principal, account } = await requireAccountPage('campaigns.view');
  const { id } = await params;
  const v = await getCampaign(db, account.id, id).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const [approved, structure] = await Promise.all([
    findApprovedTemplate(db, { subAccountId: v.subAccountId, name: v.template.name, language: v.template.language }),
    listAccountStructure(db, account.id),
  ]);
  // A template paused or rejected since still shows what was (or would be) sent.
  const stored =
    approved ??
    (await listTemplates(db, { accountId: account.id, name: v.template.name })).find(
      (t) => t.subAccountId === v.subAccountId && t.name === v.template.name && t.language === v.template.language,
    );
  const template = stored ? { name: stored.name, language: stored.language, category: stored.category, components: stored.components } : null;
  const sub = structure.find((s) => s.id === v.subAccountId);
  const common = {
    campaign: campaignData(v),
    template,
    businessName: sub?.channels.find((c) => c.kind === 'whatsapp')?.name ?? sub?.name ?? 'Business',
    subAccountName: sub?.name ?? v.subAccountId,
    canSend: can(principal, 'campaigns.send'),
  };
  return v.status === 'draft' ? <CampaignReview {...common} actions={reviewActions} /> : <CampaignLive {...common} actions={liveActions} />;
}
