import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { transactWithRetry } from '@/lib/db/retry-when-busy';
import type { WorkflowStatus } from '@/lib/automation/definition/step-types';
import { getWorkflow } from './read-workflows';
import type { WorkflowRecord } from './workflow-record';

// Each change below is one transaction that touches nothing outside the database, so a try that met a
// busy database (and rolled back) is run again before the caller answers 503 (transactWithRetry).
async function findRow(tx: Pick<Db, 'workflow'>, accountId: string, id: string) {
  const row = await tx.workflow.findFirst({ where: { id, accountId, deletedAt: null } });
  if (!row) throw new NotFoundError(`Workflow '${id}' not found`);
  return row;
}

/** Deletes a workflow: it stops starting; running instances finish on their version. */
export async function deleteWorkflow(db: Db, accountId: string, id: string, actor: Actor): Promise<void> {
  await transactWithRetry(db, async (tx) => {
    const row = await findRow(tx, accountId, id);
    await tx.workflow.update({ where: { id }, data: { deletedAt: new Date(), status: 'disabled' } });
    await recordAuditEvent(tx, actor, {
      accountId,
      action: 'workflow.delete',
      entityType: 'workflow',
      entityId: id,
      summary: `Deleted workflow '${row.name}'`,
    });
  });
}

/** Enables or disables a workflow (its trigger starts new instances only while enabled). */
export async function setWorkflowStatus(db: Db, accountId: string, id: string, status: WorkflowStatus, actor: Actor): Promise<WorkflowRecord> {
  await transactWithRetry(db, async (tx) => {
    const row = await findRow(tx, accountId, id);
    if (status === 'enabled' && row.publishedVersion === null)
      throw new ValidationError('Publish the workflow before enabling it', [{ path: 'status', message: 'No version is published yet' }]);
    await tx.workflow.update({ where: { id }, data: { status } });
    await recordAuditEvent(tx, actor, {
      accountId,
      action: `workflow.${status === 'enabled' ? 'enable' : 'disable'}`,
      entityType: 'workflow',
      entityId: id,
      summary: `${status === 'enabled' ? 'Enabled' : 'Disabled'} workflow '${row.name}'`,
    });
  });
  return getWorkflow(db, accountId, id);
}

/** Makes `version` (default: the latest) the one an enabled workflow runs; new instances start on it. */
export async function publishWorkflow(
  db: Db,
  accountId: string,
  id: string,
  opts: { version?: number; note?: string | null; actor: Actor },
): Promise<WorkflowRecord> {
  const version = await transactWithRetry(db, async (tx) => {
    const row = await findRow(tx, accountId, id);
    const version = opts.version ?? row.latestVersion;
    const v = await tx.workflowVersion.findUnique({ where: { workflowId_version: { workflowId: id, version } } });
    if (!v) throw new NotFoundError(`Workflow '${id}' has no version ${version}`);
    await tx.workflowVersion.update({ where: { id: v.id }, data: { publishedAt: new Date(), ...(opts.note != null ? { note: opts.note } : {}) } });
    await tx.workflow.update({ where: { id }, data: { publishedVersion: version } });
    await recordAuditEvent(tx, opts.actor, {
      accountId,
      action: 'workflow.publish',
      entityType: 'workflow',
      entityId: id,
      summary: `Published version ${version} of '${row.name}'${opts.note ? `: ${opts.note}` : ''}`,
    });
    return version;
  });
  return getWorkflow(db, accountId, id, { version });
}

/** Copies an old version's body into a new version and publishes it. */
export async function rollbackWorkflow(db: Db, accountId: string, id: string, toVersion: number, actor: Actor): Promise<WorkflowRecord> {
  const version = await transactWithRetry(db, async (tx) => {
    const row = await findRow(tx, accountId, id);
    const old = await tx.workflowVersion.findUnique({ where: { workflowId_version: { workflowId: id, version: toVersion } } });
    if (!old) throw new NotFoundError(`Workflow '${id}' has no version ${toVersion}`);
    const version = row.latestVersion + 1;
    const body = old.body as { subAccountId: string; trigger: string; definition: { name: string } };
    await tx.workflowVersion.create({
      data: {
        workflowId: id,
        version,
        body: old.body as Prisma.InputJsonValue,
        // The old version comes back as it was drawn, too.
        layout: (old.layout as Prisma.InputJsonValue | null) ?? undefined,
        note: `Rollback to version ${toVersion}`,
        publishedAt: new Date(),
        createdById: actor.userId ?? null,
      },
    });
    await tx.workflow.update({
      where: { id },
      data: { latestVersion: version, publishedVersion: version, subAccountId: body.subAccountId, trigger: body.trigger, name: body.definition.name },
    });
    await recordAuditEvent(tx, actor, {
      accountId,
      action: 'workflow.rollback',
      entityType: 'workflow',
      entityId: id,
      summary: `Rolled '${row.name}' back to version ${toVersion} (now version ${version})`,
    });
    return version;
  });
  return getWorkflow(db, accountId, id, { version });
}
