import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { requireAccountPage } from '@/app/_lib/console-context';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { PageHeader } from '@/components/ui/page-header';
import { CampaignWizard, type WizardDraft } from '@/components/campaigns/wizard/campaign-wizard';
import { createCampaignAction } from '../actions';
import { campaignSpecOf } from '../_lib/campaign-data';
import { wizardOptions } from '../_lib/wizard-options';
import { draftSample } from '@/lib/campaigns/audience/draft-sample';

export const metadata: Metadata = { title: 'New campaign' };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { account } = await requireAccountPage('campaigns.send');
  const sp = await searchParams;
  const options = await wizardOptions(account.id);
  const draftId = one(sp.draft);
  let draft: WizardDraft | null = null;
  if (draftId) {
    const v = await getCampaign(db, account.id, draftId).catch((err) => {
      if (err instanceof NotFoundError) notFound();
      throw err;
    });
    // Only a draft is mapped again; anything further along has its own page.
    if (v.status !== 'draft') redirect(`/campaigns/${v.id}`);
    const template = options.templates.find((t) => t.subAccountId === v.subAccountId && t.name === v.template.name && t.language === v.template.language);
    draft = {
      id: v.id,
      spec: campaignSpecOf(v),
      templateId: template?.id ?? '',
      audience: v.audienceFileId
        ? { fileId: v.audienceFileId, label: 'The CSV uploaded with this draft' }
        : { contactsTag: v.contactsTag ?? '', label: `Contacts tagged “${v.contactsTag ?? ''}”` },
      columns: v.columns,
      sample: v.audienceFileId ? await draftSample(db, account.id, v.audienceFileId) : [],
      rows: v.counts.rows,
    };
  }
  const step = Math.min(2, Math.max(0, Number(one(sp.step) ?? 2) || 0));
  return (
    <>
      <PageHeader
        title={draft ? `Map “${draft.spec.name}” again` : 'New campaign'}
        description={
          draft
            ? 'Change the template or the mapping; the review runs again on the same audience and replaces this draft.'
            : 'Choose who gets it, the template, and what fills each variable. Nothing is sent before you review and confirm.'
        }
      />
      <CampaignWizard
        subAccounts={options.subAccounts}
        templates={options.templates}
        tags={options.tags}
        draft={draft}
        initialStep={draft ? step : 0}
        uploadUrl="/campaigns/uploads"
        tagAudienceUrl="/campaigns/tag-audience"
        createAction={createCampaignAction}
      />
    </>
  );
}
