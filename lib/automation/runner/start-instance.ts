import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { logger } from '@/lib/log/logger';
import { loadDefinition } from './definition-cache';
import { RUNNER_ID, leaseUntil } from './lease';
import { runInstance, type RunResult } from './run-instance';

export type StartableWorkflow = { id: string; accountId: string; subAccountId: string; trigger: string; publishedVersion: number | null };

/** Stores a new instance on the workflow's published version, leased to this runner. Null when unpublished. */
export async function createInstance(db: Db, wf: StartableWorkflow, data: Record<string, unknown>): Promise<string | null> {
  if (wf.publishedVersion === null) return null;
  const def = await loadDefinition(db, wf.id, wf.publishedVersion);
  const row = await db.workflowInstance.create({
    data: {
      accountId: wf.accountId,
      subAccountId: wf.subAccountId,
      definitionId: wf.id,
      version: wf.publishedVersion,
      trigger: wf.trigger,
      status: 'running',
      data: data as Prisma.InputJsonValue,
      currentStepId: def.entry,
      callStack: { frames: [] },
      leaseOwner: RUNNER_ID,
      leaseUntil: leaseUntil(),
    },
    select: { id: true },
  });
  return row.id;
}

/** Runs without letting a failure escape (the instance is durable; the lease brings it back). */
export async function runSafely(db: Db, instanceId: string): Promise<RunResult | 'error'> {
  try {
    return await runInstance(db, instanceId);
  } catch (err) {
    logger.error({ err, instanceId }, 'workflow instance run failed; it will be retried when its lease lapses');
    return 'error';
  }
}

/** Starts every enabled, published workflow of a subaccount for a trigger with `data`; returns the instance ids. */
export async function startWorkflows(
  db: Db,
  where: { accountId: string; subAccountId: string; trigger: string },
  data: Record<string, unknown>,
  opts: { wait?: boolean } = {},
): Promise<string[]> {
  const workflows = await db.workflow.findMany({
    where: { accountId: where.accountId, subAccountId: where.subAccountId, trigger: where.trigger, status: 'enabled', deletedAt: null, publishedVersion: { not: null } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, accountId: true, subAccountId: true, trigger: true, publishedVersion: true },
  });
  const ids: string[] = [];
  for (const wf of workflows) {
    const id = await createInstance(db, wf, data);
    if (id) ids.push(id);
  }
  const runs = ids.map((id) => runSafely(db, id));
  if (opts.wait !== false) await Promise.all(runs);
  return ids;
}
