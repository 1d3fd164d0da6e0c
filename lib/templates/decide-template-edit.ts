import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { recordEvent } from '@/lib/events/record-event';
import { templateCategoryEventBody, templateStatusEventBody } from '@/lib/templates/change-template-status';
import type { ReviewDecision } from '@/lib/templates/sandbox-review-decision';
import { toStoredTemplate, type StoredTemplate } from '@/lib/templates/stored-template';
import type { TemplateCategory } from '@/lib/templates/template-schema';

type Tx = Pick<Db, 'template' | 'templateStatusChange' | 'event' | 'webhookEndpoint'>;

export type EditDecision = { template: StoredTemplate; version: number; decision: ReviewDecision };

/**
 * WhatsApp's decision on an edit of an approved template (see edit-template.ts). Approved: the edit
 * becomes the template's content and version, under the category the reviewer gave it, and
 * template_status_update (APPROVED) fires so receivers read the new content (template_category_update
 * first if the category moved). Rejected: the edit is dropped and the approved version stays live, so
 * the template's status does not change and no status event fires; the history keeps the rejection
 * and its reason. Call it inside a transaction. Returns null when the edit is no longer waiting
 * (decided or deleted meanwhile).
 */
export async function decideTemplateEdit(tx: Tx, templateId: string, decision: ReviewDecision, source: string): Promise<EditDecision | null> {
  const current = await tx.template.findUnique({ where: { id: templateId } });
  if (!current?.pendingComponents || !current.pendingReviewDueAt) return null;
  const version = current.version + 1;
  const previousCategory = current.category as TemplateCategory;
  const newCategory = decision.status === 'APPROVED' && decision.category && decision.category !== previousCategory ? decision.category : null;
  const guard = { id: templateId, version: current.version, pendingReviewDueAt: current.pendingReviewDueAt };
  const cleared = { pendingComponents: Prisma.DbNull, pendingReviewDueAt: null };
  const { count } = await tx.template.updateMany({
    where: guard,
    data:
      decision.status === 'APPROVED'
        ? { ...cleared, components: current.pendingComponents as Prisma.InputJsonValue, version, ...(newCategory ? { category: newCategory } : {}) }
        : cleared,
  });
  if (!count) return null;
  await tx.templateStatusChange.create({
    data: {
      templateId,
      fromStatus: 'PENDING',
      toStatus: decision.status,
      reason: decision.status === 'REJECTED' ? decision.reason : null,
      source,
      version,
      ...(newCategory ? { fromCategory: previousCategory, toCategory: newCategory } : {}),
    },
  });
  const scope = { accountId: current.accountId, subAccountId: current.subAccountId };
  if (newCategory)
    await recordEvent(tx, { ...scope, eventType: 'template_category_update', body: templateCategoryEventBody(current, previousCategory, newCategory) });
  // A template paused meanwhile takes the new content but stays paused: it is not APPROVED to announce.
  if (decision.status === 'APPROVED' && current.status === 'APPROVED')
    await recordEvent(tx, { ...scope, eventType: 'template_status_update', body: templateStatusEventBody(current, 'APPROVED', null) });
  return { template: toStoredTemplate(await tx.template.findUniqueOrThrow({ where: { id: templateId } })), version, decision };
}
