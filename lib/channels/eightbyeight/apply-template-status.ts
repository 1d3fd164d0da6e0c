import type { Db } from '@/lib/db/client';
import { recordAuditEvent, systemActor } from '@/lib/audit/record-audit-event';
import { changeTemplateStatus } from '@/lib/templates/change-template-status';
import { canonicalTemplateLanguage } from '@/lib/templates/languages';
import type { TemplateStatusEvent } from '@/lib/channels/eightbyeight/webhook-schemas';

const SOURCE = '8x8';
// WhatsApp decides through 8x8, as the sandbox reviewer decides for sandbox channels.
const REVIEWER = systemActor('WhatsApp (8x8)');

/**
 * 8x8's template_status_update for a template of this channel: the template moves to the status
 * WhatsApp gave it, with its history entry, its template_status_update event to the customer's
 * webhooks and an audit record, in one transaction. A redelivered event (already in that status with
 * that reason) changes nothing.
 */
export async function applyTemplateStatus(
  db: Db,
  channelId: string,
  event: TemplateStatusEvent,
): Promise<{ outcome: 'applied' | 'ignored' | 'unknown'; templateId?: string }> {
  const { templateName, templateLanguage, meta } = event.eventDetails;
  const language = canonicalTemplateLanguage(templateLanguage) ?? templateLanguage;
  const template = await db.template.findUnique({ where: { channelId_name_language: { channelId, name: templateName, language } } });
  if (!template) return { outcome: 'unknown' };
  const reason = meta.reason ?? null;
  if (template.status === meta.status && (template.reason ?? null) === reason) return { outcome: 'ignored', templateId: template.id };
  const changed = await db.$transaction(async (tx) => {
    const t = await changeTemplateStatus(tx, template.id, {
      to: meta.status,
      reason,
      source: SOURCE,
    });
    if (t) {
      await recordAuditEvent(tx, REVIEWER, {
        accountId: t.accountId,
        action: 'template.review',
        entityType: 'template',
        entityId: t.id,
        summary: `${meta.status.charAt(0)}${meta.status.slice(1).toLowerCase()} template "${t.name}" (${t.language})${reason ? `: ${reason}` : ''}`,
      });
    }
    return t;
  });
  return { outcome: changed ? 'applied' : 'ignored', templateId: template.id };
}
