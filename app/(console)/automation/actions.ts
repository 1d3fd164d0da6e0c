'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import {
  createWorkflow,
  deleteWorkflow,
  getWorkflow,
  listWorkflowVersions,
  publishWorkflow,
  rollbackWorkflow,
  saveWorkflowDraft,
  setWorkflowStatus,
  toApiWorkflow,
} from '@/lib/automation/workflows';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { accountAction } from '@/app/_lib/action';
import { readInstancePath, startTestRun } from '@/lib/automation/test-run';

const id = z.string().min(1, 'A workflow id is required');
const body = z.record(z.string(), z.unknown(), { error: 'The workflow must be a JSON object' });
// Node positions, checked by lib/automation/workflows (parseWorkflowLayout).
const layout = z.unknown().optional();

/** Creates a workflow from the editor: saved as a draft (version 1), not yet published. */
export const createWorkflowAction = accountAction('automation.edit', z.object({ workflow: body, layout }), async (input, ctx) => {
  const saved = await createWorkflow(db, ctx.accountId, { ...input.workflow, status: 'disabled' }, { actor: ctx.actor, publish: false, layout: input.layout });
  return { id: saved.id, version: saved.version, warnings: saved.warnings };
});

/** Autosave / save: over the open draft (see saveWorkflowDraft); the published version keeps running until publish. */
export const saveWorkflowAction = accountAction('automation.edit', z.object({ id, workflow: body, layout }), async (input, ctx) => {
  const current = await getWorkflow(db, ctx.accountId, input.id);
  // The status is changed by enable/disable only; an imported body's status does not flip it.
  const saved = await saveWorkflowDraft(db, ctx.accountId, input.id, { ...input.workflow, status: current.status }, { actor: ctx.actor, layout: input.layout });
  return { version: saved.version, outcome: saved.outcome, warnings: saved.warnings };
});

export const publishWorkflowAction = accountAction(
  'automation.publish',
  z.object({ id, version: z.number().int().positive().optional(), note: z.string().trim().max(500, 'Keep the note under 500 characters').optional() }),
  async (input, ctx) => {
    const w = await publishWorkflow(db, ctx.accountId, input.id, { version: input.version, note: input.note || null, actor: ctx.actor });
    return { publishedVersion: w.publishedVersion, status: w.status };
  },
);

export const setWorkflowStatusAction = accountAction('automation.publish', z.object({ id, status: z.enum(['enabled', 'disabled']) }), async (input, ctx) => {
  const w = await setWorkflowStatus(db, ctx.accountId, input.id, input.status, ctx.actor);
  return { status: w.status };
});

export const rollbackWorkflowAction = accountAction('automation.publish', z.object({ id, version: z.number().int().positive() }), async (input, ctx) => {
  const w = await rollbackWorkflow(db, ctx.accountId, input.id, input.version, ctx.actor);
  return { version: w.version, workflow: toApiWorkflow(w), layout: w.layout };
});

export const deleteWorkflowAction = accountAction('automation.edit', z.object({ id }), async (input, ctx) => {
  await deleteWorkflow(db, ctx.accountId, input.id, ctx.actor);
  return { id: input.id };
});

/** One version's body (history: view, compare, export), and where its nodes were drawn. */
export const getWorkflowVersionAction = accountAction('automation.view', z.object({ id, version: z.number().int().positive() }), async (input, ctx) => {
  const w = await getWorkflow(db, ctx.accountId, input.id, { version: input.version });
  return { ...toApiWorkflow(w), layout: w.layout };
});

export const listVersionsAction = accountAction('automation.view', z.object({ id }), async (input, ctx) => {
  const versions = await listWorkflowVersions(db, ctx.accountId, input.id);
  return versions.map((v) => ({ ...v, publishedAt: v.publishedAt?.toISOString() ?? null, createdAt: v.createdAt.toISOString() }));
});

export const startTestRunAction = accountAction(
  'automation.edit',
  z.object({
    workflowId: id,
    mode: z.enum(['inbound', 'http']),
    msisdn: z.string().trim().optional(),
    text: z.string().max(4096).optional(),
    body: z.record(z.string(), z.unknown()).optional(),
  }),
  async (input, ctx) => startTestRun(db, ctx.accountId, input),
);

/** The Simulator customer answers (a WaitForReply resumes on it). */
export const testRunReplyAction = accountAction(
  'automation.edit',
  z.object({
    subAccountId: z.string().min(1),
    channel: z.enum(['whatsapp', 'sms']),
    msisdn: z.string().trim().min(1, 'Required'),
    text: z.string().min(1, 'Type a reply').max(4096),
    // A tapped reply button or list row, sent as WhatsApp sends it (the Simulator's own shape).
    reply: z.object({ id: z.string().max(256), title: z.string().max(72) }).optional(),
  }),
  async (input, ctx) => {
    const r = await receiveInbound(db, {
      accountId: ctx.accountId,
      subAccountId: input.subAccountId,
      channel: input.channel,
      msisdn: input.msisdn,
      type: 'text',
      content: { text: input.text, ...(input.reply ? { reply: input.reply } : {}) },
    });
    return { umid: r.umid };
  },
);

export const instancePathAction = accountAction('automation.view', z.object({ instanceId: id }), async (input, ctx) =>
  readInstancePath(db, ctx.accountId, input.instanceId),
);
