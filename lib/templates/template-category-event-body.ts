import crypto from 'node:crypto';
import type { TemplateCategory } from '@/lib/templates/template-schema';

/**
 * The template_category_update body: the reference docs' template event envelope ("Sample Payload
 * (Template Rejected)"). The docs print no sample for this event; the meta fields are those of 8x8's
 * WhatsApp Template Change Webhook reference ("previousCategory", "newCategory", applicable for
 * template_category_update), the same names Meta's webhook uses in snake case.
 */
export function templateCategoryEventBody(
  t: { name: string; language: string; channelId: string },
  change: { previousCategory: TemplateCategory; newCategory: TemplateCategory },
  at: Date = new Date(),
) {
  return {
    eventId: crypto.randomUUID(),
    timestamp: at.toISOString(),
    provider: 'WhatsApp',
    eventType: 'template_category_update',
    eventDetails: {
      templateName: t.name,
      templateLanguage: t.language,
      channelId: t.channelId,
      meta: { previousCategory: change.previousCategory, newCategory: change.newCategory },
    },
  };
}
