import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { NotFoundError } from '@/lib/errors';
import { checkWorkflowTenancy } from './check-workflow-tenancy';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { parseWorkflowBody } from './parse-workflow-body';
import { parseWorkflowLayout } from './workflow-layout';
import { toRecord, type WorkflowRecord } from './workflow-record';

export type SaveResult = WorkflowRecord & { warnings: { path: string; message: string }[] };

type SaveOptions = { actor: Actor; note?: string | null; publish?: boolean; layout?: unknown };

/**
 * Stores a new workflow as version 1. It is published at once unless `publish: false` (the editor saves
 * drafts; the API's POST behaves as 8x8's: an enabled workflow runs as soon as it is created).
 */
export async function createWorkflow(db: Db, accountId: string, input: unknown, opts: SaveOptions): Promise<SaveResult> {
  const { body, warnings } = parseWorkflowBody(input);
  const layout = opts.layout == null ? null : parseWorkflowLayout(opts.layout);
  await checkWorkflowTenancy(db, accountId, body);
  const publish = opts.publish ?? true;
  const now = new Date();
  const row = await db.$transaction(async (tx) => {
    const wf = await tx.workflow.create({
      data: {
        accountId,
        subAccountId: body.subAccountId,
        trigger: body.trigger,
        status: body.status,
        name: body.definition.name,
        latestVersion: 1,
        publishedVersion: publish ? 1 : null,
      },
    });
    await tx.workflowVersion.create({
      data: {
        workflowId: wf.id,
        version: 1,
        body: body as unknown as Prisma.InputJsonValue,
        ...(layout ? { layout } : {}),
        note: opts.note ?? null,
        publishedAt: publish ? now : null,
        createdById: opts.actor.userId ?? null,
      },
    });
    await recordAuditEvent(tx, opts.actor, {
      accountId,
      action: 'workflow.create',
      entityType: 'workflow',
      entityId: wf.id,
      summary: `Created workflow '${body.definition.name}' (${body.trigger}, ${body.status})`,
    });
    return wf;
  });
  return { ...toRecord(row, 1, body, layout), warnings };
}

/**
 * Saving creates a new version: the REST API's PUT (with `publish: true`, which also makes it the
 * version that runs, as 8x8's PUT does). The editor saves drafts with saveWorkflowDraft instead.
 */
export async function updateWorkflow(db: Db, accountId: string, id: string, input: unknown, opts: Omit<SaveOptions, 'layout'>): Promise<SaveResult> {
  const { body, warnings } = parseWorkflowBody(input);
  await checkWorkflowTenancy(db, accountId, body);
  const now = new Date();
  const { row, version } = await db.$transaction(async (tx) => {
    const current = await tx.workflow.findFirst({ where: { id, accountId, deletedAt: null } });
    if (!current) throw new NotFoundError(`Workflow '${id}' not found`);
    const version = current.latestVersion + 1;
    await tx.workflowVersion.create({
      data: {
        workflowId: id,
        version,
        body: body as unknown as Prisma.InputJsonValue,
        note: opts.note ?? null,
        publishedAt: opts.publish ? now : null,
        createdById: opts.actor.userId ?? null,
      },
    });
    const row = await tx.workflow.update({
      where: { id },
      data: {
        subAccountId: body.subAccountId,
        trigger: body.trigger,
        status: body.status,
        name: body.definition.name,
        latestVersion: version,
        ...(opts.publish ? { publishedVersion: version } : {}),
      },
    });
    await recordAuditEvent(tx, opts.actor, {
      accountId,
      action: 'workflow.update',
      entityType: 'workflow',
      entityId: id,
      summary: `Saved version ${version} of workflow '${body.definition.name}'${opts.publish ? ' and published it' : ''}`,
    });
    return { row, version };
  });
  return { ...toRecord(row, version, body), warnings };
}
