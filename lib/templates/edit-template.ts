import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { env } from '@/lib/env';
import { parseWith } from '@/lib/api/read-json';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { transactWithRetry } from '@/lib/db/retry-when-busy';
import { toStoredTemplate, type StoredTemplate, type TemplateStatus } from '@/lib/templates/stored-template';
import { templatePayloadSchema } from '@/lib/templates/template-schema';
import { APPROVED_EDIT_LIMITS, checkTemplateEdit, whyNotEditable } from '@/lib/templates/template-edit-rules';

export type EditTemplateInput = {
  accountId: string;
  id: string;
  /** The whole creation payload as the designer holds it; name and language must stay as they are. */
  payload: unknown;
  /** Who submitted it, kept in the history: "console:<email>". */
  source: string;
  actor: Actor;
};

const DAY_MS = 24 * 3600_000;

/**
 * Submits a new version of a template for review, as WhatsApp allows (template-edit-rules.ts).
 * A REJECTED or PAUSED template is resubmitted: its content is replaced and it is PENDING again.
 * An APPROVED one stays APPROVED with its current content, which sends keep using; the new content
 * waits beside it (pendingComponents) until the reviewer approves it, and a rejection leaves the
 * approved version live. The history gets a "version N submitted" entry either way.
 */
export async function editTemplate(db: Db, input: EditTemplateInput): Promise<StoredTemplate> {
  const row = await db.template.findFirst({ where: { id: input.id, accountId: input.accountId } });
  if (!row) throw new NotFoundError('Template not found');
  const current = toStoredTemplate(row);
  const blocked = whyNotEditable(current);
  if (blocked) throw new ConflictError(blocked);
  const payload = parseWith(templatePayloadSchema, input.payload);
  const issues = checkTemplateEdit(current, payload);
  if (issues.length)
    throw new ValidationError(
      `Invalid parameter(s): ${[...new Set(issues.map((i) => `'${i.path.join('.')}'`))].join(', ')}`,
      issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  const version = current.version + 1;
  const live = current.status === 'APPROVED';

  return transactWithRetry(db, async (tx) => {
    if (live) await assertEditAllowance(tx, current.id);
    const dueAt = new Date(Date.now() + env.SANDBOX_TEMPLATE_REVIEW_MS);
    // Only if nobody edited or decided it since it was read: the version and state are the guard.
    const guard = { id: current.id, version: current.version, status: current.status, pendingReviewDueAt: null };
    const { count } = await tx.template.updateMany({
      where: guard,
      data: live
        ? { pendingComponents: payload.components as Prisma.InputJsonValue, pendingReviewDueAt: dueAt }
        : {
            components: payload.components as Prisma.InputJsonValue,
            category: payload.category,
            version,
            status: 'PENDING',
            reason: null,
            reviewDueAt: dueAt,
          },
    });
    if (!count) throw new ConflictError('The template changed while you were editing it: reload the page and edit the current version');
    await tx.templateStatusChange.create({
      data: { templateId: current.id, fromStatus: current.status, toStatus: 'PENDING', version, source: input.source },
    });
    await recordAuditEvent(tx, input.actor, {
      accountId: current.accountId,
      action: 'template.edit',
      entityType: 'template',
      entityId: current.id,
      summary: live
        ? `Submitted version ${version} of template "${current.name}" (${current.language}) for review; version ${current.version} stays live`
        : `Resubmitted template "${current.name}" (${current.language}) as version ${version}${payload.category !== current.category ? ` under ${payload.category}` : ''}`,
      changes: { version, ...(payload.category !== current.category ? { category: payload.category } : {}) },
    });
    return toStoredTemplate(await tx.template.findUniqueOrThrow({ where: { id: current.id } }));
  });
}

/**
 * Why the template cannot be edited now, or null: its state (template-edit-rules.ts) or, for an approved
 * one, WhatsApp's allowance of edits. The template page offers Edit only when this is null.
 */
export async function whyTemplateNotEditable(db: Db, t: StoredTemplate): Promise<string | null> {
  const blocked = whyNotEditable(t);
  if (blocked || t.status !== 'APPROVED') return blocked;
  return assertEditAllowance(db, t.id).then(
    () => null,
    (err: unknown) => {
      if (err instanceof ConflictError) return err.message;
      throw err;
    },
  );
}

/** WhatsApp's allowance for an approved template: one edit in 24 hours, ten in 30 days. */
async function assertEditAllowance(tx: Pick<Db, 'templateStatusChange'>, templateId: string) {
  const now = Date.now();
  const edits = await tx.templateStatusChange.findMany({
    where: { templateId, fromStatus: 'APPROVED' satisfies TemplateStatus, toStatus: 'PENDING', createdAt: { gte: new Date(now - 30 * DAY_MS) } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  const lastDay = edits.filter((e) => e.createdAt.getTime() >= now - DAY_MS);
  if (lastDay.length >= APPROVED_EDIT_LIMITS.perDay)
    throw new ConflictError(
      `WhatsApp allows an approved template one edit in 24 hours: edit it again after ${utc(new Date(lastDay[0]!.createdAt.getTime() + DAY_MS))}`,
    );
  if (edits.length >= APPROVED_EDIT_LIMITS.per30Days)
    throw new ConflictError(
      `WhatsApp allows an approved template ${APPROVED_EDIT_LIMITS.per30Days} edits in 30 days: edit it again after ${utc(new Date(edits[0]!.createdAt.getTime() + 30 * DAY_MS))}`,
    );
}

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
