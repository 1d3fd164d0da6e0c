import type { CampaignCounts, CampaignSchedule, CampaignStatus, ParameterSource, RecipientStatus, RowError } from '@/lib/campaigns/campaign-spec';
import type { TemplateComponent } from '@/lib/templates/template-schema';

// What the campaign pages get from the server, as JSON (dates as ISO strings): the same shape whether
// the page rendered it or a poll fetched it.

export type CampaignData = {
  id: string;
  name: string;
  subAccountId: string;
  template: { name: string; language: string };
  recipients: { msisdnColumn?: string; defaultCountry?: string };
  parameters: Record<string, ParameterSource>;
  schedule: CampaignSchedule | null;
  ratePerSecond: number;
  status: CampaignStatus;
  stopReason: string | null;
  counts: CampaignCounts;
  estimate: { messages: number; cost: { amount: number; currency: string }; tierRemaining24h: number | null };
  columns: string[];
  slotKeys: string[];
  createdAt: string;
  scheduledAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
};

/** A row of the campaigns list. */
export type CampaignListRow = Pick<CampaignData, 'id' | 'name' | 'status' | 'template' | 'counts' | 'createdAt' | 'scheduledAt' | 'stopReason'>;

export type RecipientRow = {
  row: number;
  msisdn: string;
  status: RecipientStatus;
  errors?: RowError[];
  umid?: string;
  errorCode?: number;
  errorMessage?: string;
};

export type RecipientPage = { data: RecipientRow[]; nextCursor: string | null };

/** One row's message: the send payload's template part, and the rows either side to step to. */
export type RecipientPreview = {
  row: number;
  msisdn: string;
  template: unknown;
  prevRow: number | null;
  nextRow: number | null;
};

/** An APPROVED template a campaign can send, with what the preview and the mapping need. */
export type TemplateOption = {
  id: string;
  subAccountId: string;
  name: string;
  language: string;
  category: string;
  components: TemplateComponent[];
};

export type SubAccountOption = { id: string; name: string; channelName: string };

/** Sends and deliveries per time bucket, for the chart. */
export type TimelinePoint = { t: string; sent: number; delivered: number; read: number; failed: number };
