import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { can } from '@/lib/auth/principal';
import { requireAccountPage } from '@/app/_lib/console-context';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '@/lib/campaigns/campaign-spec';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';
import { CampaignsList } from '@/components/campaigns/campaigns-list';
import { campaignListRow } from './_lib/campaign-data';

export const metadata: Metadata = { title: 'Campaigns' };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal, account } = await requireAccountPage('campaigns.view');
  const sp = await searchParams;
  // A hand-edited URL with an unknown status shows them all rather than failing.
  const raw = one(sp.status);
  const status = (CAMPAIGN_STATUSES as readonly string[]).includes(raw ?? '') ? (raw as CampaignStatus) : null;
  const cursor = one(sp.cursor) || undefined;
  const page = await listCampaigns(db, account.id, { ...(status ? { status } : {}), limit: 50, ...(cursor ? { cursor } : {}) });
  const older = page.nextCursor ? `/campaigns?${new URLSearchParams({ ...(status ? { status } : {}), cursor: page.nextCursor }).toString()}` : null;
  return <CampaignsList campaigns={page.data.map(campaignListRow)} status={status} canSend={can(principal, 'campaigns.send')} olderHref={older} />;
}
