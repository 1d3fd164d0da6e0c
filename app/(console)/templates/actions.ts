'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { accountAction } from '@/app/_lib/action';
import { ConflictError, ValidationError } from '@/lib/errors';
import { createTemplate } from '@/lib/templates/create-template';
import { templateNameTaken } from '@/lib/templates/template-name-taken';
import { editTemplate } from '@/lib/templates/edit-template';
import { deleteTemplate } from '@/lib/templates/delete-template';
import { applyQualityEvent } from '@/lib/templates/apply-quality-event';
import { wakeBackgroundTask } from '@/lib/jobs/wake';
import { TEMPLATE_REVIEW_TASK } from '@/lib/templates/template-review-task';

/** Submits the designer's template; the payload is checked by the same schema as the REST API. */
export const submitTemplateAction = accountAction(
  'templates.write',
  z.object({ channelId: z.string().min(1, 'Choose the WhatsApp channel'), payload: z.unknown() }),
  async (input, ctx) => {
    const t = await createTemplate(db, {
      accountId: ctx.accountId,
      channelId: input.channelId,
      payload: input.payload,
      source: `console:${ctx.actor.label}`,
      actor: ctx.actor,
    }).catch((err) => {
      // The one conflict of a submission is a name+language already on the channel: the form shows it at the Name field.
      if (err instanceof ConflictError) throw new ValidationError(err.message, [{ path: 'name', message: err.message }]);
      throw err;
    });
    wakeBackgroundTask(TEMPLATE_REVIEW_TASK);
    return { id: t.id };
  },
);

/** The designer's check as the name is typed: the same duplicate rule the submission meets. */
export const templateNameTakenAction = accountAction(
  'templates.write',
  z.object({ channelId: z.string().min(1), name: z.string().min(1).max(512), language: z.string().min(1).max(20) }),
  async (input, ctx) => ({ problem: await templateNameTaken(db, { accountId: ctx.accountId, ...input }) }),
);

/** Submits a new version of a template (WhatsApp's edit rules are lib/templates/template-edit-rules.ts). */
export const editTemplateAction = accountAction('templates.write', z.object({ id: z.string().min(1), payload: z.unknown() }), async (input, ctx) => {
  const t = await editTemplate(db, { accountId: ctx.accountId, id: input.id, payload: input.payload, source: `console:${ctx.actor.label}`, actor: ctx.actor });
  wakeBackgroundTask(TEMPLATE_REVIEW_TASK);
  return { id: t.id, version: t.pendingComponents ? t.version + 1 : t.version };
});

export const deleteTemplateAction = accountAction('templates.write', z.object({ id: z.string().min(1) }), async (input, ctx) => {
  const [t] = await deleteTemplate(db, { accountId: ctx.accountId, id: input.id, actor: ctx.actor });
  return { name: t.name };
});

/** Sandbox only: plays a quality rating change so PAUSED/DISABLED can be tried. */
export const qualityEventAction = accountAction(
  'templates.write',
  z.object({ id: z.string().min(1), quality: z.enum(['GREEN', 'YELLOW', 'RED']) }),
  async (input, ctx) => {
    const t = await applyQualityEvent(db, {
      accountId: ctx.accountId,
      templateId: input.id,
      quality: input.quality,
      source: `console:${ctx.actor.label}`,
      actor: ctx.actor,
    });
    return { status: t.status };
  },
);
