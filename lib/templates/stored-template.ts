import type { TemplateCategory, TemplateComponent } from '@/lib/templates/template-schema';

export const TEMPLATE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
export const QUALITY_SCORES = ['UNKNOWN', 'GREEN', 'YELLOW', 'RED'] as const;
export type QualityScore = (typeof QUALITY_SCORES)[number];

/** A template as stored: the creation payload plus where it lives and where it is in review. */
export type StoredTemplate = {
  id: string;
  accountId: string;
  subAccountId: string;
  channelId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  components: TemplateComponent[];
  status: TemplateStatus;
  reason: string | null;
  qualityScore: QualityScore;
  /** Which version `components` are (1 as first submitted, +1 per edit submitted). */
  version: number;
  /**
   * An edit of an APPROVED template under WhatsApp's review (version + 1). The components above stay
   * live, and are what sends use, until it is approved; a rejection drops it.
   */
  pendingComponents: TemplateComponent[] | null;
  createdAt: Date;
  updatedAt: Date;
};

type Row = {
  id: string;
  accountId: string;
  subAccountId: string;
  channelId: string;
  name: string;
  language: string;
  category: string;
  components: unknown;
  status: string;
  reason: string | null;
  qualityScore: string;
  // Optional: hot-path readers that select only what a send needs leave them out.
  version?: number;
  pendingComponents?: unknown;
  createdAt: Date;
  updatedAt: Date;
};

/** The database row as the domain type (components were validated on the way in). */
export function toStoredTemplate(row: Row): StoredTemplate {
  return {
    id: row.id,
    accountId: row.accountId,
    subAccountId: row.subAccountId,
    channelId: row.channelId,
    name: row.name,
    language: row.language,
    category: row.category as TemplateCategory,
    components: row.components as TemplateComponent[],
    status: row.status as TemplateStatus,
    reason: row.reason,
    qualityScore: row.qualityScore as QualityScore,
    version: row.version ?? 1,
    pendingComponents: (row.pendingComponents as TemplateComponent[] | null | undefined) ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The REST representation (API.md Templates). */
export function templateJson(t: StoredTemplate) {
  return {
    id: t.id,
    channelId: t.channelId,
    name: t.name,
    language: t.language,
    category: t.category,
    components: t.components,
    status: t.status,
    ...(t.reason ? { reason: t.reason } : {}),
    qualityScore: t.qualityScore,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
