import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { sqlDate } from '@/lib/db/sql';
import { type Dialect, type Step, type Tx, write } from '@/lib/db/tx';
import { loadInstance, type LoadedInstance } from './instance-rows';
import { RUNNER_ID, leaseUntil } from './lease';
import { runSafely } from './start-instance';
import type { ResumeValue } from './types';

// A claim's row, chosen by its compare-and-swap condition. On PostgreSQL a row another transaction has
// locked (a claim of its own in flight) is skipped rather than waited for: that claim wins or the wait goes
// on, and a serializable claim that waited for it would only fail and run again to find it taken.
function claimStatement(set: string, condition: string): Record<Dialect, string> {
  return {
    sqlite: `UPDATE "WorkflowInstance" SET ${set} WHERE ${condition}`,
    postgres: `UPDATE "WorkflowInstance" SET ${set} WHERE "id" IN (SELECT "id" FROM "WorkflowInstance" WHERE ${condition} FOR UPDATE SKIP LOCKED)`,
  };
}

const CLAIM_WAITING = claimStatement(
  `"status" = 'running', "resume" = ?, "waitKind" = NULL, "waitKey" = NULL, "waitAddress" = NULL, "waitUntil" = NULL,
     "leaseOwner" = ?, "leaseUntil" = ?, "updatedAt" = ?`,
  `"id" = ? AND "status" = 'waiting' AND "waitSeq" = ?`,
);
const CLAIM_ABANDONED = claimStatement(
  `"crashCount" = "crashCount" + CASE WHEN "leaseOwner" IS NULL THEN 0 ELSE 1 END, "leaseOwner" = ?, "leaseUntil" = ?, "updatedAt" = ?`,
  `"id" = ? AND "status" = 'running' AND "leaseUntil" = ?`,
);

/**
 * The one compare-and-swap that ends a wait: only the first of a reply, a key press and the timeout to
 * reach it wins (status and waitSeq must still be what the caller saw). What ended the wait is stored
 * with it, so a crash right after loses nothing. Runs in the caller's write transaction.
 */
export function* claimWaitingRow(t: Tx, inst: { id: string; waitSeq: number }, value: ResumeValue): Step<boolean> {
  const now = new Date();
  return (yield* t.run(CLAIM_WAITING[t.dialect], JSON.stringify(value), RUNNER_ID, sqlDate(leaseUntil()), sqlDate(now), inst.id, inst.waitSeq)) === 1;
}

/** claimWaitingRow, then the instance as the runner needs it (read in the same transaction). */
export function* claimWaitingAndLoad(t: Tx, inst: { id: string; waitSeq: number }, value: ResumeValue): Step<LoadedInstance | null> {
  return (yield* claimWaitingRow(t, inst, value)) ? yield* loadInstance(t, inst.id) : null;
}

/** Claim-only bodies: on PostgreSQL their row locks are all they need, so they run read committed (lib/db/tx.ts). */
export const CLAIM = { isolation: 'read committed' } as const;

export async function claimWaiting(db: Db, inst: { id: string; waitSeq: number }, value: ResumeValue): Promise<boolean> {
  return write(db, (t) => claimWaitingRow(t, inst, value), CLAIM);
}

/**
 * Claims a running instance whose runner stopped renewing its lease (crashed or killed): `leaseUntil`
 * is the stored value the caller saw, so of two runners that saw it only one wins. A lease that lapsed
 * with its owner still named is a run that stopped without storing an outcome: it counts towards
 * failing the instance (crash-limit.ts). One let go of (a busy database, a crash already counted) does not.
 */
export function* claimAbandonedAndLoad(t: Tx, inst: { id: string; leaseUntil: string }): Step<LoadedInstance | null> {
  const claimed = yield* t.run(CLAIM_ABANDONED[t.dialect], RUNNER_ID, sqlDate(leaseUntil()), sqlDate(new Date()), inst.id, inst.leaseUntil);
  return claimed === 1 ? yield* loadInstance(t, inst.id) : null;
}

/** Cancels a waiting instance (Runs page). */
export async function cancelInstance(db: Db, accountId: string, instanceId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const inst = await tx.workflowInstance.findFirst({ where: { id: instanceId, accountId } });
    if (!inst) throw new NotFoundError(`Workflow instance '${instanceId}' not found`);
    const r = await tx.workflowInstance.updateMany({
      where: { id: instanceId, status: 'waiting', waitSeq: inst.waitSeq },
      data: { status: 'cancelled', finishedAt: new Date(), waitKind: null, waitKey: null, waitAddress: null, waitUntil: null, error: 'Cancelled by a user' },
    });
    if (r.count !== 1) throw new ConflictError(`Only a waiting instance can be cancelled; this one is ${inst.status}`);
    await tx.workflowStepRun.updateMany({ where: { instanceId, status: 'waiting' }, data: { status: 'cancelled', endedAt: new Date() } });
    await recordAuditEvent(tx, actor, {
      accountId,
      action: 'workflow_instance.cancel',
      entityType: 'workflow_instance',
      entityId: instanceId,
      summary: `Cancelled a waiting run of workflow ${inst.definitionId}`,
    });
  });
}

/** Runs a failed instance again from the step that failed, on the same version and context, its crash count cleared. */
export async function retryInstance(db: Db, accountId: string, instanceId: string, actor: Actor, opts: { wait?: boolean } = {}): Promise<void> {
  await db.$transaction(async (tx) => {
    const inst = await tx.workflowInstance.findFirst({ where: { id: instanceId, accountId } });
    if (!inst) throw new NotFoundError(`Workflow instance '${instanceId}' not found`);
    const r = await tx.workflowInstance.updateMany({
      where: { id: instanceId, status: 'failed' },
      data: {
        status: 'running',
        error: null,
        finishedAt: null,
        resume: Prisma.DbNull,
        leaseOwner: RUNNER_ID,
        leaseUntil: leaseUntil(),
        crashCount: 0,
        crashError: null,
      },
    });
    if (r.count !== 1) throw new ConflictError(`Only a failed instance can be retried; this one is ${inst.status}`);
    await recordAuditEvent(tx, actor, {
      accountId,
      action: 'workflow_instance.retry',
      entityType: 'workflow_instance',
      entityId: instanceId,
      summary: `Retried a failed run of workflow ${inst.definitionId} from step '${inst.currentStepId}'`,
    });
  });
  const run = runSafely(db, instanceId);
  if (opts.wait !== false) await run;
}
