import type { Db } from '@/lib/db/client';
import { read } from '@/lib/db/tx';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { stepInputs, stepOutputs } from '@/lib/automation/definition/definition-schema';
import { evaluateValue, ScriptEvaluationError } from '@/lib/automation/script/evaluate';
import { EXECUTORS } from '@/lib/automation/steps';
import { isBusy } from '@/lib/db/is-busy';
import { MAX_CRASHES, failCrashedInstance, recordCrash } from './crash-limit';
import { MAX_INSTANCE_DATA_BYTES, oversizeData } from './data-cap';
import { loadDefinition, type LoadedDefinition } from './definition-cache';
import { loadInstance, type LoadedInstance } from './instance-rows';
import { RUNNER_ID } from './lease';
import { chooseNext, leaveSequence, type RunnerState } from './next-step';
import { StepJournal, type Position } from './step-journal';
import { LostLease, TransientError, type InstanceRef, type StepContext, type StepOutcome } from './types';

export type RunResult = 'completed' | 'failed' | 'waiting' | 'lost';

const WAITS = new Set(['Wait', 'WaitForReply', 'WaitForDTMF']);
// Steps whose effect is not a write of ours (an HTTP request): the runs before them are stored first,
// and their own right after, so a crash repeats one only if it struck during the request itself.
const OUTSIDE_EFFECTS = new Set(['HttpRequest']);

/**
 * Runs an instance this process has leased until it completes, fails or waits. Every step run (its
 * evaluated inputs, outputs, error and times) is stored with the instance's context no later than the
 * transaction that stores the next step's effect, or the instance's wait, failure or completion
 * (step-journal.ts); a lost lease (another runner took over after we stalled) stops us. `loaded` is the
 * instance as the transaction that leased it read it (else it is read here). Any other error is a crash:
 * counted, and rethrown for the instance to run again later, until it fails it (crash-limit.ts).
 */
export async function runInstance(db: Db, instanceId: string, loaded?: LoadedInstance | null): Promise<RunResult> {
  const reached = { stepId: null as string | null };
  try {
    return await runLoop(db, loaded ?? (await read(db, (t) => loadInstance(t, instanceId))), reached);
  } catch (err) {
    if (err instanceof LostLease) return 'lost';
    if (err instanceof TransientError || isBusy(err)) {
      // Let the lease go at once so the background task retries the step soon.
      logger.warn({ err, instanceId }, 'workflow step hit a busy database; it will be retried');
      await StepJournal.releaseSoon(db, instanceId).catch(() => {});
      return 'lost';
    }
    const failed = await recordCrash(db, instanceId, err, reached.stepId).catch((recordErr: unknown) => {
      // The lease then lapses with us still named, which the takeover counts instead.
      logger.warn({ err: recordErr, instanceId }, 'could not count a crash of a workflow instance');
      return false;
    });
    if (failed) return 'failed';
    throw err;
  }
}

async function runLoop(db: Db, loaded: LoadedInstance | null, reached: { stepId: string | null }): Promise<RunResult> {
  const row = loaded?.row;
  if (!row || row.status !== 'running' || row.leaseOwner !== RUNNER_ID) return 'lost';
  // Before anything that could crash again (reading the definition is one): the claim counted this takeover.
  if (row.crashCount >= MAX_CRASHES) return failCrashedInstance(db, row);
  const def = await loadDefinition(db, row.definitionId, row.version);
  const ref: InstanceRef = {
    id: row.id,
    accountId: row.accountId,
    subAccountId: row.subAccountId,
    definitionId: row.definitionId,
    version: row.version,
    trigger: row.trigger,
  };
  const journal = new StepJournal(db, ref.id);
  // Accounts take turns for the script workers (a slow script of one never stalls another's).
  const scripts = { account: ref.accountId };
  let data = row.data;
  const state: RunnerState = { frames: [], lastCall: null, ...(row.callStack ?? {}) };
  let stepId = row.currentStepId;
  let stepCount = row.stepCount;
  let resume = row.resume;
  let waitRun = loaded.waitRun;
  const at = (currentStepId: string | null): Position => ({ data, state, currentStepId, stepCount });
  const fail = (step: { id: string; stepType: string }, seq: number, error: string, run: { inputs?: unknown; outputs?: unknown; startedAt?: Date } = {}) =>
    journal.end(
      { status: 'failed', error, data, callStack: state, currentStepId: step.id, stepCount: seq },
      {
        seq,
        stepId: step.id,
        stepType: step.stepType,
        status: 'failed',
        inputs: run.inputs ?? {},
        outputs: run.outputs,
        error,
        startedAt: run.startedAt ?? new Date(),
        endedAt: new Date(),
      },
    );

  for (;;) {
    reached.stepId = stepId;
    if (!stepId) {
      await journal.end({ status: 'completed', data, callStack: state, currentStepId: null, stepCount });
      return 'completed';
    }
    const located = def.steps.get(stepId);
    if (!located) {
      await fail({ id: stepId, stepType: 'Unknown' }, stepCount + 1, `Step '${stepId}' does not exist in version ${ref.version}`);
      return 'failed';
    }
    const step = located.step;
    const resuming = resume !== null && WAITS.has(step.stepType);
    if (!resuming && stepCount >= env.AUTOMATION_MAX_STEPS) {
      await fail(step, stepCount + 1, `The workflow ran ${stepCount} steps, the most one instance may run; it was stopped (a loop that never ends?)`);
      return 'failed';
    }
    const seq = resuming ? stepCount : stepCount + 1;
    const previous = resuming ? waitRun : null;
    const startedAt = previous?.startedAt ?? new Date();

    let inputs: Record<string, unknown> = {};
    let outcome: StepOutcome;
    const ctxFor = (evaluated: Record<string, unknown>): StepContext => ({
      db,
      instance: ref,
      step,
      seq,
      data,
      inputs: evaluated,
      lastCall: state.lastCall ?? null,
      persistWith: journal.writer(at(step.id)),
    });
    if (resuming) {
      inputs = previous?.inputs ?? {};
      outcome = EXECUTORS[step.stepType].resume!(ctxFor(inputs), resume!);
    } else {
      try {
        inputs = (await evaluateValue(stepInputs(step), { data, step: {} }, scripts)) as Record<string, unknown>;
        if (OUTSIDE_EFFECTS.has(step.stepType)) await journal.flush(at(step.id), Number(inputs.timeoutSeconds ?? 30) * 1000);
        outcome = await EXECUTORS[step.stepType].run(ctxFor(inputs));
      } catch (err) {
        if (err instanceof TransientError || err instanceof LostLease || isBusy(err)) throw err;
        inputs = Object.keys(inputs).length ? inputs : (stepInputs(step) as Record<string, unknown>);
        outcome = { kind: 'fail', error: err instanceof ScriptEvaluationError ? err.message : `Step failed: ${(err as Error).message}` };
      }
    }
    journal.stepEnded(outcome.kind === 'done');

    if (outcome.kind === 'wait') {
      const { wait } = outcome;
      await journal.end(
        {
          status: 'waiting',
          data,
          callStack: state,
          currentStepId: step.id,
          stepCount: seq,
          wait: { kind: wait.kind, key: wait.key ?? null, address: wait.address ?? null, until: wait.until },
        },
        { seq, stepId: step.id, stepType: step.stepType, status: 'waiting', inputs, outputs: outcome.results, startedAt, endedAt: null },
      );
      return 'waiting';
    }

    let next: string | null = null;
    const dataBefore = data;
    let wroteData = false;
    if (outcome.kind === 'done') {
      try {
        const results = outcome.results;
        const outputs = stepOutputs(step);
        if (Object.keys(outputs).length) {
          data = { ...data, ...((await evaluateValue(outputs, { data, step: results }, scripts)) as Record<string, unknown>) };
          wroteData = true;
        }
        const after = await chooseNext(def, step, { data, step: results }, scripts);
        if (step.stepType === 'VoiceMessage')
          state.lastCall = {
            subAccountId: String(inputs.subAccountId ?? inputs.subaccountId ?? ref.subAccountId),
            destination: String((inputs.params as { destination?: unknown })?.destination ?? ''),
          };
        next = enter(def, step, outcome.enterDo === true, after, state);
      } catch (err) {
        if (!(err instanceof ScriptEvaluationError)) throw err;
        outcome = { kind: 'fail', error: err.message, results: outcome.results };
      }
    }
    const oversize = outcome.kind === 'done' && wroteData ? oversizeData(data) : null;
    if (oversize !== null) {
      // The instance keeps the data it had: storing the oversized value is what the cap prevents.
      data = dataBefore;
      outcome = {
        kind: 'fail',
        error: `The step's outputs make the workflow's data ${oversize} bytes; it can be at most ${MAX_INSTANCE_DATA_BYTES} bytes`,
        results: outcome.results,
      };
    }

    if (outcome.kind === 'fail') {
      await fail(step, seq, outcome.error, { inputs, outputs: outcome.results, startedAt });
      return 'failed';
    }

    const run = { seq, stepId: step.id, stepType: step.stepType, status: 'completed', inputs, outputs: outcome.results, startedAt, endedAt: new Date() };
    stepCount = seq;
    resume = null;
    waitRun = null;
    stepId = next;
    if (next === null) {
      // The last step's write also completes the instance.
      await journal.end({ status: 'completed', data, callStack: state, currentStepId: null, stepCount }, run);
      return 'completed';
    }
    journal.add(run);
    if (journal.due || OUTSIDE_EFFECTS.has(step.stepType)) await journal.flush(at(next));
  }
}

/** After a step: into an If's first sequence, on to the chosen step, or out of the current sequence. */
function enter(
  def: LoadedDefinition,
  step: { id: string; do?: { id: string }[][] },
  enterDo: boolean,
  after: string | null,
  state: RunnerState,
): string | null {
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
