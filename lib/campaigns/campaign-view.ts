import type { CampaignCounts, CampaignSchedule, CampaignSpec, CampaignStatus, ParameterSource } from '@/lib/campaigns/campaign-spec';
import { readDate, readDateOrNull, readJson } from '@/lib/db/sql';

// A campaign as the API answers it (API.md "Campaigns"): the spec it was made from, its status, the
// counts of its recipients and the estimate made at import; plus the audience's columns and the slot
// keys in the order of each recipient's values, which the wizard and dispatch read.

export type CampaignEstimate = {
  /** Valid recipients: the messages the campaign will send. */
  messages: number;
  /** In currency units (e.g. 12.5 USD), from the account's rate card; every message is assumed charged. */
  cost: { amount: number; currency: string };
  /** What the messaging-limit tier still allows in the next 24 h; null when unlimited. */
  tierRemaining24h: number | null;
};

export type CampaignView = {
  id: string;
  name: string;
  subAccountId: string;
  template: { name: string; language: string };
  recipients: { msisdnColumn?: string; defaultCountry?: string };
  parameters: Record<string, ParameterSource>;
  schedule?: CampaignSchedule;
  ratePerSecond: number;
  contactsTag?: string;
  saveContactsTag?: string;
  status: CampaignStatus;
  stopReason?: string;
  counts: CampaignCounts;
  estimate: CampaignEstimate;
  /** The template's category when the campaign was made (marketing | utility | authentication). */
  category: string;
  columns: string[];
  slotKeys: string[];
  /** The stored CSV the audience came from (a draft can be mapped again from it). */
  audienceFileId?: string;
  createdAt: string;
  scheduledAt?: string;
  startedAt?: string;
  completedAt?: string;
};

/** The Campaign row as SQL reads it (JSON as text, dates as ISO text). */
export type CampaignRow = Record<string, unknown> & {
  id: string;
  accountId: string;
  subAccountId: string;
  channelId: string;
  name: string;
  templateName: string;
  templateLanguage: string;
  category: string;
  status: string;
  ratePerSecond: number;
};

export const COUNT_COLUMNS = [
  'rows',
  'valid',
  'invalid',
  'duplicates',
  'optedOut',
  'pending',
  'queued',
  'sent',
  'delivered',
  'read',
  'failed',
  'skipped',
] as const;

const iso = (v: unknown) => readDateOrNull(v)?.toISOString();

export function campaignView(row: CampaignRow): CampaignView {
  const spec = readJson<Partial<CampaignSpec>>(row.spec) ?? {};
  const estimate = readJson<CampaignEstimate & { byCallingCode?: unknown }>(row.estimate);
  const counts = Object.fromEntries(COUNT_COLUMNS.map((c) => [c, Number(row[c] ?? 0)])) as CampaignCounts;
  const optional = <K extends string, V>(key: K, value: V | undefined | null) =>
    value === undefined || value === null ? {} : ({ [key]: value } as Record<K, V>);
  return {
    id: row.id,
    name: row.name,
    subAccountId: row.subAccountId,
    template: { name: row.templateName, language: row.templateLanguage },
    recipients: spec.recipients ?? {},
    parameters: spec.parameters ?? {},
    ...optional('schedule', spec.schedule),
    ratePerSecond: Number(row.ratePerSecond),
    ...optional('contactsTag', spec.contactsTag),
    ...optional('saveContactsTag', spec.saveContactsTag),
    status: row.status as CampaignStatus,
    ...optional('stopReason', row.stopReason as string | null),
    counts,
    estimate: {
      messages: estimate?.messages ?? counts.valid,
      cost: estimate?.cost ?? { amount: 0, currency: 'USD' },
      tierRemaining24h: estimate?.tierRemaining24h ?? null,
    },
    category: row.category,
    columns: readJson<string[]>(row.columns) ?? [],
    slotKeys: readJson<string[]>(row.slotKeys) ?? [],
    ...optional('audienceFileId', row.audienceFileId as string | null),
    createdAt: readDate(row.createdAt).toISOString(),
    ...optional('scheduledAt', iso(row.scheduledAt)),
    ...optional('startedAt', iso(row.startedAt)),
    ...optional('completedAt', iso(row.completedAt)),
  };
}
