import type { CampaignData, CampaignListRow } from '@/components/campaigns/campaign-types';
import type { CampaignSpec } from '@/lib/campaigns/campaign-spec';
import type { CampaignView } from '@/lib/campaigns/campaign-view';

/** A campaign as the pages take it: every optional field present (null when unset), so polls and renders agree. */
export function campaignData(v: CampaignView): CampaignData {
  return {
    id: v.id,
    name: v.name,
    subAccountId: v.subAccountId,
    template: v.template,
    recipients: v.recipients,
    parameters: v.parameters,
    schedule: v.schedule ?? null,
    ratePerSecond: v.ratePerSecond,
    status: v.status,
    stopReason: v.stopReason ?? null,
    counts: v.counts,
    estimate: v.estimate,
    columns: v.columns,
    slotKeys: v.slotKeys,
    createdAt: v.createdAt,
    scheduledAt: v.scheduledAt ?? null,
    startedAt: v.startedAt ?? null,
    completedAt: v.completedAt ?? null,
  };
}

export function campaignListRow(v: CampaignView): CampaignListRow {
  return {
    id: v.id,
    name: v.name,
    status: v.status,
    template: v.template,
    counts: v.counts,
    createdAt: v.createdAt,
    scheduledAt: v.scheduledAt ?? null,
    stopReason: v.stopReason ?? null,
  };
}

/** The spec a campaign was made from, to make it again (a changed mapping, schedule or rate). */
export function campaignSpecOf(v: CampaignView): CampaignSpec {
  return {
    name: v.name,
    subAccountId: v.subAccountId,
    template: v.template,
    recipients: v.recipients,
    parameters: v.parameters,
    ...(v.schedule ? { schedule: v.schedule } : {}),
    ratePerSecond: v.ratePerSecond,
    ...(v.saveContactsTag ? { saveContactsTag: v.saveContactsTag } : {}),
  };
}
