import type { Db } from '@/lib/db/client';
import { recordAuditEvent, systemActor } from '@/lib/audit/record-audit-event';
import { changeTemplateStatus } from '@/lib/templates/change-template-status';
import { decideTemplateEdit } from '@/lib/templates/decide-template-edit';
import { sandboxReviewDecision } from '@/lib/templates/sandbox-review-decision';
import { toStoredTemplate } from '@/lib/templates/stored-template';

const BATCH = 50;
const IDLE_MS = 1000;
const SOURCE = 'sandbox-reviewer';
// WhatsApp decides, as with the automatic messaging-limit upgrade: the log names it, not a person.
const REVIEWER = systemActor('WhatsApp (sandbox review)');

/**
 * Decides every PENDING template whose review is due, and every edit of an approved template whose
 * review is due (decideTemplateEdit). Each decision commits with its history entry, its events
 * (template_status_update, and template_category_update when the reviewer approved it under another
 * category) and its audit record; a template someone deleted or decided meanwhile is skipped.
 * Returns how many were decided and how long until the next one is due.
 */
export async function reviewPendingTemplates(db: Db, now = new Date()): Promise<{ decided: number; nextInMs: number }> {
  const due = await db.template.findMany({
    where: { status: 'PENDING', reviewDueAt: { lte: now } },
    orderBy: { reviewDueAt: 'asc' },
    take: BATCH,
  });
  let decided = 0;
  for (const row of due) {
    const decision = sandboxReviewDecision(toStoredTemplate(row));
    const done = await db.$transaction(async (tx) => {
      const t = await changeTemplateStatus(tx, row.id, {
        to: decision.status,
        reason: decision.status === 'REJECTED' ? decision.reason : null,
        category: decision.status === 'APPROVED' ? decision.category : undefined,
        source: SOURCE,
        from: ['PENDING'],
      });
      if (t) {
        await recordAuditEvent(tx, REVIEWER, {
          accountId: t.accountId,
          action: 'template.review',
          entityType: 'template',
          entityId: t.id,
          summary: `${t.status === 'APPROVED' ? 'Approved' : 'Rejected'} template "${t.name}" (${t.language})${t.reason ? `: ${t.reason}` : ''}`,
        });
      }
      return t;
    });
    if (done) decided++;
  }

  const edits = await db.template.findMany({ where: { pendingReviewDueAt: { lte: now } }, orderBy: { pendingReviewDueAt: 'asc' }, take: BATCH });
  for (const row of edits) {
    const t = toStoredTemplate(row);
    const decision = sandboxReviewDecision({ ...t, components: t.pendingComponents ?? t.components });
    const done = await db.$transaction(async (tx) => {
      const d = await decideTemplateEdit(tx, row.id, decision, SOURCE);
      if (d) {
        const reason = decision.status === 'REJECTED' ? `: ${decision.reason}; version ${d.version - 1} stays live` : '';
        await recordAuditEvent(tx, REVIEWER, {
          accountId: d.template.accountId,
          action: 'template.review',
          entityType: 'template',
          entityId: d.template.id,
          summary: `${decision.status === 'APPROVED' ? 'Approved' : 'Rejected'} version ${d.version} of template "${d.template.name}" (${d.template.language})${reason}`,
        });
      }
      return d;
    });
    if (done) decided++;
  }

  if (due.length === BATCH || edits.length === BATCH) return { decided, nextInMs: 0 };
  const [next, nextEdit] = await Promise.all([
    db.template.findFirst({ where: { status: 'PENDING' }, orderBy: { reviewDueAt: 'asc' }, select: { reviewDueAt: true } }),
    db.template.findFirst({ where: { pendingReviewDueAt: { not: null } }, orderBy: { pendingReviewDueAt: 'asc' }, select: { pendingReviewDueAt: true } }),
  ]);
  const times = [next?.reviewDueAt, nextEdit?.pendingReviewDueAt].filter((d): d is Date => !!d).map((d) => d.getTime() - Date.now());
  const wait = times.length ? Math.min(...times) : IDLE_MS;
  return { decided, nextInMs: Math.max(25, Math.min(IDLE_MS, wait)) };
}
