import type { Db } from '@/lib/db/client';
import { sqlDate } from '@/lib/db/sql';
import { type Step, type Tx, write } from '@/lib/db/tx';
import { logger } from '@/lib/log/logger';
import { type StepDefinition, stepInputs } from '@/lib/automation/definition/definition-schema';
import { definitionFor } from './definition-cache';
import { loadInstance, upsertStepRun } from './instance-rows';
import { RUNNER_ID, leaseUntil } from './lease';

/**
 * How many runs in a row may stop at an instance's stored position without storing an outcome there (a
 * lease taken over after it lapsed, an error the runner did not expect) before the instance fails instead
 * of running the step again. More than one: a worker killed mid-step (a deploy, the OOM killer) or a
 * machine that stalled past the lease is no fault of the step, and the runner that takes over should
 * finish it. Few: every repeat may repeat the step's outside effect (an HTTP request is not idempotent),
 * one lease period apart. Three lets a step survive two unrelated crashes, and repeats a step that crashes
 * every time at most three times, for about a minute, before a user sees it failed and can retry it.
 */
export const MAX_CRASHES = 3;

// A crash's error is kept for the failure's message, not as a log: its first lines say what it was.
const MAX_ERROR_CHARS = 500;
const FAILED_LOG = 'workflow instance failed: its runs kept stopping at the same step';

const FAIL = `UPDATE "WorkflowInstance" SET "status" = 'failed', "error" = ?, "stepCount" = ?, "crashCount" = ?, "crashError" = ?, "resume" = NULL,
  "leaseOwner" = NULL, "leaseUntil" = NULL, "finishedAt" = ?, "updatedAt" = ? WHERE "id" = ? AND "leaseOwner" = ? AND "status" = 'running'`;
const COUNT = `UPDATE "WorkflowInstance" SET "crashCount" = ?, "crashError" = ?, "leaseOwner" = NULL, "leaseUntil" = ?, "updatedAt" = ?
  WHERE "id" = ? AND "leaseOwner" = ? AND "status" = 'running'`;

function crashMessage(stepId: string | null, times: number, lastError: string | null): string {
  const where = stepId ? `at step '${stepId}'` : 'at the end of the workflow';
  const why = lastError ? `last error: ${lastError}` : 'its process ended or stalled mid-step, leaving no error';
  return `The runner stopped ${times} times ${where} (${why}); the instance was failed so it does not run the step again`;
}

/**
 * Fails the running instance this runner holds where it stands in the database, in the caller's
 * transaction, and stores the failed run of its step (so the instance's errors, the Runs page and a retry
 * from the failed step see it as any failed step). What the crashed runs held in memory is left out: it
 * may be the very value that could not be stored. False when this runner does not hold the instance.
 */
function* failAtStoredPosition(t: Tx, instanceId: string, times: number, lastError: string | null): Step<boolean> {
  const loaded = yield* loadInstance(t, instanceId);
  if (!loaded || loaded.row.status !== 'running' || loaded.row.leaseOwner !== RUNNER_ID) return false;
  const { row, waitRun } = loaded;
  // As runInstance numbers runs: a wait that ended finishes its own run; any other step starts the next.
  const resuming = row.resume !== null && waitRun !== null;
  const seq = resuming ? row.stepCount : row.stepCount + 1;
  const error = crashMessage(row.currentStepId, times, lastError);
  const now = new Date();
  yield* t.run(FAIL, error, seq, times, lastError, sqlDate(now), sqlDate(now), instanceId, RUNNER_ID);
  if (row.currentStepId !== null) {
    const step = yield* stepAt(t, row.definitionId, row.version, row.currentStepId);
    yield* upsertStepRun(t, {
      instanceId,
      seq,
      stepId: row.currentStepId,
      stepType: step?.stepType ?? 'Unknown',
      status: 'failed',
      inputs: resuming ? waitRun.inputs : step ? stepInputs(step) : {},
      error,
      startedAt: resuming ? waitRun.startedAt : now,
      endedAt: now,
    });
  }
  return true;
}

/** The step's definition, or null when it cannot be had (the crash may be a version that cannot be read). */
function* stepAt(t: Tx, definitionId: string, version: number, stepId: string): Step<StepDefinition | null> {
  try {
    return (yield* definitionFor(t, definitionId, version)).steps.get(stepId)?.step ?? null;
  } catch {
    return null;
  }
}

/**
 * A run starting on an instance taken over MAX_CRASHES times at the same position (its crashCount, as
 * the claim counted it): fails it instead of running the step again. 'lost' when another runner has it.
 */
export async function failCrashedInstance(db: Db, row: { id: string; crashCount: number; crashError: string | null }): Promise<'failed' | 'lost'> {
  const failed = await write(db, (t) => failAtStoredPosition(t, row.id, row.crashCount, row.crashError));
  if (failed) logger.error({ instanceId: row.id, times: row.crashCount, lastError: row.crashError }, FAILED_LOG);
  return failed ? 'failed' : 'lost';
}

/**
 * After a run of an instance this runner holds ended in an error the runner did not expect (a bug, a
 * value that cannot be stored; not a step's failure, a busy database or a lost lease): counts it against
 * the position stored, and lets the instance go for the background task to run again once a lease period
 * has passed (time for a passing cause to clear); the crash that reaches MAX_CRASHES fails the instance
 * instead. `stepId` is the step the run had reached, which can be past the stored position (steps with no
 * effect of their own are stored with the next write). Returns whether it failed the instance.
 */
export async function recordCrash(db: Db, instanceId: string, err: unknown, stepId: string | null): Promise<boolean> {
  const message = String((err as Error)?.message ?? err).slice(0, MAX_ERROR_CHARS);
  const failed = await write(db, function* (t) {
    const row = yield* t.one<{ crashCount: number; currentStepId: string | null }>(
      `SELECT "crashCount", "currentStepId" FROM "WorkflowInstance" WHERE "id" = ? AND "leaseOwner" = ? AND "status" = 'running'`,
      instanceId,
      RUNNER_ID,
    );
    if (!row) return false;
    const lastError = stepId !== null && stepId !== row.currentStepId ? `${message} (at step '${stepId}')` : message;
    const times = row.crashCount + 1;
    if (times >= MAX_CRASHES) return yield* failAtStoredPosition(t, instanceId, times, lastError);
    yield* t.run(COUNT, times, lastError, sqlDate(leaseUntil()), sqlDate(new Date()), instanceId, RUNNER_ID);
    return false;
  });
  if (failed) logger.error({ err, instanceId, times: MAX_CRASHES }, FAILED_LOG);
  return failed;
}
