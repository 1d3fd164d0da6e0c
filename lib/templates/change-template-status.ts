import crypto from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import { toStoredTemplate, type StoredTemplate, type TemplateStatus } from '@/lib/templates/stored-template';
import type { TemplateCategory } from '@/lib/templates/template-schema';

type Tx = Pick<Db, 'template' | 'templateStatusChange' | 'event' | 'webhookEndpoint'>;

/**
 * A template event body: the reference docs' template event envelope ("Sample Payload (Template
 * Rejected)") with the event's own meta.
 */
function templateEventBody(t: { name: string; language: string; channelId: string }, eventType: string, meta: Record<string, string>) {
  return {
    eventId: crypto.randomUUID(),
    timestamp: new Date().toISOString(),
    provider: 'WhatsApp',
    eventType,
    eventDetails: { templateName: t.name, templateLanguage: t.language, channelId: t.channelId, meta },
  };
}

/** template_category_update's body: meta as in 8x8's WhatsApp Template Change Webhook reference. */
export function templateCategoryEventBody(t: { name: string; language: string; channelId: string }, previousCategory: string, newCategory: string) {
  return templateEventBody(t, 'template_category_update', { previousCategory, newCategory });
}

/** template_quality_update's body (meta: previousQualityScore, newQualityScore). */
export function templateQualityEventBody(t: { name: string; language: string; channelId: string }, previousQualityScore: string, newQualityScore: string) {
  return templateEventBody(t, 'template_quality_update', { previousQualityScore, newQualityScore });
}

/** The reference docs' template_status_update body. */
export function templateStatusEventBody(t: { name: string; language: string; channelId: string }, status: TemplateStatus, reason: string | null) {
  return templateEventBody(t, 'template_status_update', { status, ...(reason ? { reason } : {}) });
}

/**
 * Moves a template to a new status, keeps the change in its history and stores the
 * template_status_update event. Call it inside a transaction so all three commit together.
 * With `category`, WhatsApp also re-categorised the template: the same history entry records the
 * old and new category, and template_category_update is stored before the status event, so a
 * receiver that routes sends by category knows the new one before the template becomes sendable.
 * Returns null when the template is not in `from` any more (someone else decided first).
 */
export async function changeTemplateStatus(
  tx: Tx,
  templateId: string,
  change: { to: TemplateStatus; reason?: string | null; source: string; from?: TemplateStatus[]; category?: TemplateCategory },
): Promise<StoredTemplate | null> {
  const current = await tx.template.findUnique({ where: { id: templateId } });
  if (!current || (change.from && !change.from.includes(current.status as TemplateStatus))) return null;
  const previousCategory = current.category as TemplateCategory;
  const newCategory = change.category && change.category !== previousCategory ? change.category : null;
  // Conditional update: a concurrent reviewer or quality event that already moved it wins.
  const { count } = await tx.template.updateMany({
    where: { id: templateId, status: current.status },
    data: { status: change.to, reason: change.reason ?? null, reviewDueAt: null, ...(newCategory ? { category: newCategory } : {}) },
  });
  if (!count) return null;
  await tx.templateStatusChange.create({
    data: {
      templateId,
      fromStatus: current.status,
      toStatus: change.to,
      reason: change.reason ?? null,
      source: change.source,
      version: current.version,
      ...(newCategory ? { fromCategory: previousCategory, toCategory: newCategory } : {}),
    },
  });
  const scope = { accountId: current.accountId, subAccountId: current.subAccountId };
  if (newCategory) {
    // No sample in the reference docs: the meta names are 8x8's WhatsApp Template Change Webhook's.
    await recordEvent(tx, { ...scope, eventType: 'template_category_update', body: templateCategoryEventBody(current, previousCategory, newCategory) });
  }
  // A category change alone (the status stays) is not a status event.
  if (change.to !== current.status) {
    await recordEvent(tx, { ...scope, eventType: 'template_status_update', body: templateStatusEventBody(current, change.to, change.reason ?? null) });
  }
  return toStoredTemplate(await tx.template.findUniqueOrThrow({ where: { id: templateId } }));
}
