import type { Db } from '@/lib/db/client';
import { writeTransaction, type Sqlite } from '@/lib/db/sql';
import { RUNNER_ID, leaseUntil } from './lease';
import { endWaitRun, insertStepRun, renewLease, settleInstance, type InstanceSettle, type StepRunWrite } from './instance-rows';
import type { RunnerState } from './next-step';
import type { StepOutcome } from './types';

// How a step's end is stored: the instance (context, position, status, wait, lease) and the step run
// (evaluated inputs, outputs, error, times) in one write transaction that has committed before the
// runner moves on. The instance update only matches while this runner holds the lease; when it does
// not, the transaction's savepoint is rolled back (no step run is left behind) and LostLease stops the
// runner: another runner took the instance over after we stalled.

export class LostLease extends Error {}

type Step = { id: string; stepType: string };

function commit(conn: Sqlite, instanceId: string, settle: InstanceSettle, stepRun: Omit<StepRunWrite, 'instanceId'>, resuming: boolean, now: Date): void {
  if (!settleInstance(conn, instanceId, RUNNER_ID, settle, now)) throw new LostLease();
  const w = { ...stepRun, instanceId };
  try {
    if (resuming) endWaitRun(conn, w);
    else insertStepRun(conn, w);
  } catch (err) {
    // Another runner already stored this position: it owns the instance now.
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new LostLease();
    throw err;
  }
}

export type StepWrite = {
  seq: number;
  step: Step;
  inputs: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  data: Record<string, unknown>;
  state: RunnerState;
  next: string | null;
  startedAt: Date;
  resuming: boolean;
};

/** A completed step; with no next step it also completes the instance (one write fewer per run). */
export async function persistStep(db: Db, instanceId: string, w: StepWrite): Promise<void> {
  await writeTransaction(db, (conn) => {
    const now = new Date();
    const done = w.next === null;
    commit(
      conn,
      instanceId,
      { status: done ? 'completed' : 'running', data: w.data, callStack: w.state, currentStepId: w.next, stepCount: w.seq, leaseUntil: done ? null : leaseUntil() },
      { seq: w.seq, stepId: w.step.id, stepType: w.step.stepType, status: 'completed', inputs: w.inputs, outputs: w.outputs ?? {}, startedAt: w.startedAt, endedAt: now },
      w.resuming,
      now,
    );
  });
}

export type WaitWrite = {
  seq: number;
  step: Step;
  inputs: Record<string, unknown>;
  data: Record<string, unknown>;
  state: RunnerState;
  startedAt: Date;
  outcome: Extract<StepOutcome, { kind: 'wait' }>;
};

/** A step that waits: the instance waits (lease released, waitSeq bumped), its run stays open. */
export async function persistWait(db: Db, instanceId: string, w: WaitWrite): Promise<void> {
  const { wait } = w.outcome;
  await writeTransaction(db, (conn) => {
    const now = new Date();
    commit(
      conn,
      instanceId,
      { status: 'waiting', data: w.data, callStack: w.state, currentStepId: w.step.id, stepCount: w.seq, wait: { kind: wait.kind, key: wait.key ?? null, address: wait.address ?? null, until: wait.until } },
      { seq: w.seq, stepId: w.step.id, stepType: w.step.stepType, status: 'waiting', inputs: w.inputs, outputs: w.outcome.results, startedAt: w.startedAt, endedAt: null },
      false,
      now,
    );
  });
}

export type FailWrite = {
  stepId: string;
  stepType: string;
  seq: number;
  data: Record<string, unknown>;
  state: RunnerState;
  error: string;
  inputs?: unknown;
  outputs?: unknown;
  startedAt?: Date;
  resuming?: boolean;
};

/** A step that failed: the instance fails with the error, recorded on the step run too. */
export async function persistFailure(db: Db, instanceId: string, f: FailWrite): Promise<void> {
  await writeTransaction(db, (conn) => {
    const now = new Date();
    commit(
      conn,
      instanceId,
      { status: 'failed', error: f.error, data: f.data, callStack: f.state, currentStepId: f.stepId, stepCount: f.seq },
      { seq: f.seq, stepId: f.stepId, stepType: f.stepType, status: 'failed', inputs: f.inputs ?? {}, outputs: f.outputs, error: f.error, startedAt: f.startedAt ?? now, endedAt: now },
      f.resuming === true,
      now,
    );
  });
}

/** An instance with no step left to run (its last step's write usually completes it instead). */
export async function persistCompletion(db: Db, instanceId: string, f: { data: Record<string, unknown>; state: RunnerState; stepCount: number }): Promise<void> {
  await writeTransaction(db, (conn) => {
    if (!settleInstance(conn, instanceId, RUNNER_ID, { status: 'completed', data: f.data, callStack: f.state, currentStepId: null, stepCount: f.stepCount })) throw new LostLease();
  });
}

/** Keeps the lease through a step that may take long (an HttpRequest and its timeout). */
export async function extendLease(db: Db, instanceId: string, extraMs: number): Promise<void> {
  await writeTransaction(db, (conn) => {
    if (!renewLease(conn, instanceId, RUNNER_ID, leaseUntil(extraMs))) throw new LostLease();
  });
}

/** Lets our lease lapse soon, so the background task retries the step (the database was busy). */
export async function releaseSoon(db: Db, instanceId: string): Promise<void> {
  await writeTransaction(db, (conn) => renewLease(conn, instanceId, RUNNER_ID, new Date(Date.now() + 500)));
}
