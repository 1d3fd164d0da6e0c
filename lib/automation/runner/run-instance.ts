import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { stepInputs, stepOutputs } from '@/lib/automation/definition/definition-schema';
import { evaluateValue, loadSandbox, ScriptEvaluationError } from '@/lib/automation/script/evaluate';
import { EXECUTORS } from '@/lib/automation/steps';
import { isBusy } from '@/lib/automation/steps/send-support';
import { loadDefinition, type LoadedDefinition } from './definition-cache';
import { RUNNER_ID, leaseUntil } from './lease';
import { chooseNext, leaveSequence, type RunnerState } from './next-step';
import { TransientError, type InstanceRef, type ResumeValue, type StepContext, type StepOutcome } from './types';

export type RunResult = 'completed' | 'failed' | 'waiting' | 'lost';

class LostLease extends Error {}

type Json = Prisma.InputJsonValue;
const json = (v: unknown) => (v ?? null) as Json;

/**
 * Runs an instance this process has leased until it completes, fails or waits. Every step run (its
 * evaluated inputs, outputs, error and times) and the instance's context are written in one transaction
 * before the next step starts; a lost lease (another runner took over after we stalled) stops us.
 */
export async function runInstance(db: Db, instanceId: string): Promise<RunResult> {
  try {
    return await runLoop(db, instanceId);
  } catch (err) {
    if (err instanceof LostLease) return 'lost';
    if (err instanceof TransientError || isBusy(err)) {
      // Let the lease lapse at once so the background task retries the step soon.
      logger.warn({ err, instanceId }, 'workflow step hit a busy database; it will be retried');
      await db.workflowInstance.updateMany({ where: { id: instanceId, leaseOwner: RUNNER_ID, status: 'running' }, data: { leaseUntil: new Date(Date.now() + 500) } }).catch(() => {});
      return 'lost';
    }
    throw err;
  }
}

async function runLoop(db: Db, instanceId: string): Promise<RunResult> {
  const row = await db.workflowInstance.findUnique({ where: { id: instanceId } });
  if (!row || row.status !== 'running' || row.leaseOwner !== RUNNER_ID) return 'lost';
  const def = await loadDefinition(db, row.definitionId, row.version);
  const ref: InstanceRef = { id: row.id, accountId: row.accountId, subAccountId: row.subAccountId, definitionId: row.definitionId, version: row.version, trigger: row.trigger };
  let data = (row.data ?? {}) as Record<string, unknown>;
  const state: RunnerState = { frames: [], lastCall: null, ...((row.callStack as RunnerState | null) ?? {}) };
  let stepId = row.currentStepId;
  let stepCount = row.stepCount;
  let resume = (row.resume as ResumeValue | null) ?? null;

  for (;;) {
    if (!stepId) {
      await finish(db, ref.id, { status: 'completed', data, state, stepCount });
      return 'completed';
    }
    const located = def.steps.get(stepId);
    if (!located) {
      await failInstance(db, ref, { stepId, stepType: 'Unknown', seq: stepCount + 1, data, state, error: `Step '${stepId}' does not exist in version ${ref.version}` });
      return 'failed';
    }
    const step = located.step;
    const resuming = resume !== null && (step.stepType === 'Wait' || step.stepType === 'WaitForReply' || step.stepType === 'WaitForDTMF');
    if (!resuming && stepCount >= env.AUTOMATION_MAX_STEPS) {
      await failInstance(db, ref, {
        stepId,
        stepType: step.stepType,
        seq: stepCount + 1,
        data,
        state,
        error: `The workflow ran ${stepCount} steps, the most one instance may run; it was stopped (a loop that never ends?)`,
      });
      return 'failed';
    }
    const seq = resuming ? stepCount : stepCount + 1;
    const previous = resuming ? await db.workflowStepRun.findUnique({ where: { instanceId_seq: { instanceId: ref.id, seq } } }) : null;
    const startedAt = previous?.startedAt ?? new Date();
    await loadSandbox();

    let inputs: Record<string, unknown> = {};
    let outcome: StepOutcome;
    const ctxFor = (evaluated: Record<string, unknown>): StepContext => ({ db, instance: ref, step, seq, data, inputs: evaluated, lastCall: state.lastCall ?? null });
    if (resuming) {
      inputs = (previous?.inputs ?? {}) as Record<string, unknown>;
      outcome = EXECUTORS[step.stepType].resume!(ctxFor(inputs), resume!);
    } else {
      try {
        inputs = evaluateValue(stepInputs(step), { data, step: {} }) as Record<string, unknown>;
        if (step.stepType === 'HttpRequest') await extendLease(db, ref.id, Number(inputs.timeoutSeconds ?? 30) * 1000);
        outcome = await EXECUTORS[step.stepType].run(ctxFor(inputs));
      } catch (err) {
        if (err instanceof TransientError || err instanceof LostLease || isBusy(err)) throw err;
        inputs = Object.keys(inputs).length ? inputs : (stepInputs(step) as Record<string, unknown>);
        outcome = { kind: 'fail', error: err instanceof ScriptEvaluationError ? err.message : `Step failed: ${(err as Error).message}` };
      }
    }

    if (outcome.kind === 'wait') {
      await persistWait(db, ref, { seq, step, inputs, data, state, stepCount: seq, startedAt, outcome });
      return 'waiting';
    }

    let next: string | null = null;
    if (outcome.kind === 'done') {
      try {
        const results = outcome.results;
        const outputs = stepOutputs(step);
        if (Object.keys(outputs).length) data = { ...data, ...(evaluateValue(outputs, { data, step: results }) as Record<string, unknown>) };
        const after = chooseNext(def, step, { data, step: results });
        if (step.stepType === 'VoiceMessage') state.lastCall = { subAccountId: String(inputs.subAccountId ?? inputs.subaccountId ?? ref.subAccountId), destination: String((inputs.params as { destination?: unknown })?.destination ?? '') };
        next = enter(def, step, outcome.enterDo === true, after, state);
      } catch (err) {
        if (!(err instanceof ScriptEvaluationError)) throw err;
        outcome = { kind: 'fail', error: err.message, results: outcome.results };
      }
    }

    if (outcome.kind === 'fail') {
      await failInstance(db, ref, { stepId: step.id, stepType: step.stepType, seq, data, state, error: outcome.error, inputs, outputs: outcome.results, startedAt, resuming });
      return 'failed';
    }

    await persistStep(db, ref, { seq, step, inputs, outputs: outcome.results, data, state, next, startedAt, resuming });
    // The last step's write also completes the instance (one write fewer per run).
    if (next === null) return 'completed';
    stepCount = seq;
    resume = null;
    stepId = next;
  }
}

/** After a step: into an If's first sequence, on to the chosen step, or out of the current sequence. */
function enter(def: LoadedDefinition, step: { id: string; do?: { id: string }[][] }, enterDo: boolean, after: string | null, state: RunnerState): string | null {
  if (enterDo) {
    const first = (step.do ?? []).findIndex((seq) => seq.length > 0);
    if (first >= 0) {
      state.frames.push({ ifId: step.id, seq: first, after });
      return step.do![first][0].id;
    }
  }
  if (after) return after;
  return leaveSequence(def, state);
}

async function guardedUpdate(tx: Pick<Db, 'workflowInstance'>, id: string, data: Prisma.WorkflowInstanceUpdateManyMutationInput) {
  const r = await tx.workflowInstance.updateMany({ where: { id, leaseOwner: RUNNER_ID, status: 'running' }, data });
  if (r.count !== 1) throw new LostLease();
}

async function extendLease(db: Db, id: string, extraMs: number) {
  await guardedUpdate(db, id, { leaseUntil: leaseUntil(extraMs) });
}

type StepWrite = {
  seq: number;
  step: { id: string; stepType: string };
  inputs: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  data: Record<string, unknown>;
  state: RunnerState;
  next: string | null;
  startedAt: Date;
  resuming: boolean;
};

type RunWrite = { seq: number; step: { id: string; stepType: string }; inputs: unknown; outputs?: unknown; status: string; error?: string | null; startedAt: Date; ended: boolean; resuming?: boolean };

function runOp(db: Db, instanceId: string, w: RunWrite) {
  const fields = { status: w.status, outputs: w.outputs === undefined ? undefined : json(w.outputs), error: w.error ?? null, endedAt: w.ended ? new Date() : null };
  const create = { instanceId, seq: w.seq, stepId: w.step.id, stepType: w.step.stepType, inputs: json(w.inputs), startedAt: w.startedAt, ...fields };
  // A resumed wait updates its own run (created when the wait began; upsert in case it is missing).
  if (w.resuming) return db.workflowStepRun.upsert({ where: { instanceId_seq: { instanceId, seq: w.seq } }, update: fields, create });
  return db.workflowStepRun.create({ data: create });
}

/**
 * Writes the instance and its step run in one transaction. A batch (one round trip) rather than an
 * interactive transaction, which would hold SQLite's single writer across event-loop turns. The instance
 * update only matches while we hold the lease; in the rare case we lost it, a step run we created is
 * removed again and we stop (the new owner's own write of that run fails on the unique key and retries).
 */
async function commit(db: Db, instanceId: string, update: Prisma.WorkflowInstanceUpdateManyMutationInput, run: RunWrite) {
  let count: number;
  try {
    [{ count }] = await db.$transaction([db.workflowInstance.updateMany({ where: { id: instanceId, leaseOwner: RUNNER_ID, status: 'running' }, data: update }), runOp(db, instanceId, run)]);
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new LostLease();
    throw err;
  }
  if (count !== 1) {
    if (!run.resuming) await db.workflowStepRun.deleteMany({ where: { instanceId, seq: run.seq, stepId: run.step.id, startedAt: run.startedAt } }).catch(() => {});
    throw new LostLease();
  }
}

async function persistStep(db: Db, ref: InstanceRef, w: StepWrite) {
  const done = w.next === null;
  await commit(
    db,
    ref.id,
    {
      data: json(w.data),
      callStack: json(w.state),
      currentStepId: w.next,
      stepCount: w.seq,
      ...(done ? { status: 'completed', finishedAt: new Date(), leaseOwner: null, leaseUntil: null } : { leaseUntil: leaseUntil() }),
      ...(w.resuming ? { resume: Prisma.DbNull } : {}),
    },
    { ...w, outputs: w.outputs ?? {}, status: 'completed', ended: true },
  );
}

async function persistWait(
  db: Db,
  ref: InstanceRef,
  w: { seq: number; step: { id: string; stepType: string }; inputs: Record<string, unknown>; data: Record<string, unknown>; state: RunnerState; stepCount: number; startedAt: Date; outcome: Extract<StepOutcome, { kind: 'wait' }> },
) {
  const { wait } = w.outcome;
  await commit(
    db,
    ref.id,
    {
      status: 'waiting',
      data: json(w.data),
      callStack: json(w.state),
      currentStepId: w.step.id,
      stepCount: w.stepCount,
      waitKind: wait.kind,
      waitKey: wait.key ?? null,
      waitAddress: wait.address ?? null,
      waitUntil: wait.until,
      waitSeq: { increment: 1 },
      resume: Prisma.DbNull,
      leaseOwner: null,
      leaseUntil: null,
    },
    { seq: w.seq, step: w.step, inputs: w.inputs, outputs: w.outcome.results, status: 'waiting', startedAt: w.startedAt, ended: false },
  );
}

async function failInstance(
  db: Db,
  ref: InstanceRef,
  f: { stepId: string; stepType: string; seq: number; data: Record<string, unknown>; state: RunnerState; error: string; inputs?: unknown; outputs?: unknown; startedAt?: Date; resuming?: boolean },
) {
  await commit(
    db,
    ref.id,
    {
      status: 'failed',
      error: f.error,
      data: json(f.data),
      callStack: json(f.state),
      currentStepId: f.stepId,
      stepCount: f.seq,
      resume: Prisma.DbNull,
      finishedAt: new Date(),
      leaseOwner: null,
      leaseUntil: null,
    },
    { seq: f.seq, step: { id: f.stepId, stepType: f.stepType }, inputs: f.inputs ?? {}, outputs: f.outputs, status: 'failed', error: f.error, startedAt: f.startedAt ?? new Date(), ended: true, resuming: f.resuming },
  );
}

async function finish(db: Db, id: string, f: { status: 'completed'; data: Record<string, unknown>; state: RunnerState; stepCount: number }) {
  await guardedUpdate(db, id, { status: f.status, data: json(f.data), callStack: json(f.state), currentStepId: null, stepCount: f.stepCount, finishedAt: new Date(), leaseOwner: null, leaseUntil: null });
}
