import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { NotFoundError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record-event';
import { changeTemplateStatus, templateQualityEventBody } from '@/lib/templates/change-template-status';
import { toStoredTemplate, type QualityScore, type StoredTemplate, type TemplateStatus } from '@/lib/templates/stored-template';

/**
 * A quality rating change for a template (in production it comes from Meta; in the sandbox from the
 * console or tests). It fires template_quality_update, and moves the status as Meta does:
 * RED pauses an APPROVED template, RED again on a PAUSED one disables it, and a recovery to
 * GREEN/YELLOW un-pauses it. Status moves also fire template_status_update, and the audit record of
 * `actor` commits with them.
 */
export async function applyQualityEvent(
  db: Db,
  args: {
    accountId: string;
    templateId: string;
    quality: Exclude<QualityScore, 'UNKNOWN'>;
    source?: string;
    actor: Actor;
  },
): Promise<StoredTemplate> {
  return db.$transaction(async (tx) => {
    const t = await tx.template.findFirst({ where: { id: args.templateId, accountId: args.accountId } });
    if (!t) throw new NotFoundError('Template not found');
    const previous = t.qualityScore;
    await tx.template.update({ where: { id: t.id }, data: { qualityScore: args.quality } });
    await recordEvent(tx, {
      accountId: t.accountId,
      subAccountId: t.subAccountId,
      eventType: 'template_quality_update',
      body: templateQualityEventBody(t, previous, args.quality),
    });
    const status = t.status as TemplateStatus;
    const source = args.source ?? 'quality';
    let next: { to: TemplateStatus; reason: string | null } | null = null;
    if (args.quality === 'RED' && status === 'APPROVED') next = { to: 'PAUSED', reason: 'LOW_QUALITY' };
    else if (args.quality === 'RED' && status === 'PAUSED') next = { to: 'DISABLED', reason: 'LOW_QUALITY' };
    else if (args.quality !== 'RED' && status === 'PAUSED') next = { to: 'APPROVED', reason: null };
    if (next) await changeTemplateStatus(tx, t.id, { ...next, source, from: [status] });
    const result = toStoredTemplate(await tx.template.findUniqueOrThrow({ where: { id: t.id } }));
    await recordAuditEvent(tx, args.actor, {
      accountId: t.accountId,
      action: 'template.quality',
      entityType: 'template',
      entityId: t.id,
      summary: `Simulated quality ${args.quality} for template "${result.name}" (${result.language}); status ${result.status}`,
    });
    return result;
  });
}
