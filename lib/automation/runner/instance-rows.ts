import { newId, readDate, readDateOrNull, readJson, sqlDate, sqlJson } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
import type { RunnerState } from './next-step';
import type { InstanceRef, ResumeValue } from './types';

// WorkflowInstance and WorkflowStepRun rows as the runner reads and writes them: plain statements in
// the caller's transaction (lib/db/tx.ts), values stored exactly as Prisma stores them, so the Runs
// page and the instances API read them through Prisma unchanged. Columns as in
// prisma/schema/automation.prisma.

export type InstanceRow = InstanceRef & {
  status: string;
  data: Record<string, unknown>;
  currentStepId: string | null;
  callStack: RunnerState | null;
  stepCount: number;
  waitSeq: number;
  resume: ResumeValue | null;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  /** Runs in a row that stopped at this position without storing its outcome (crash-limit.ts). */
  crashCount: number;
  crashError: string | null;
};

/** What the runner needs to go on: the instance and, when it resumes a wait, that wait's step run. */
export type LoadedInstance = { row: InstanceRow; waitRun: { inputs: Record<string, unknown>; startedAt: Date } | null };

type RawInstance = Omit<InstanceRow, 'data' | 'callStack' | 'resume' | 'leaseUntil'> & {
  data: string;
  callStack: string | null;
  resume: string | null;
  leaseUntil: string | null;
};

const SELECT_INSTANCE = `SELECT "id", "accountId", "subAccountId", "definitionId", "version", "trigger", "status", "data", "currentStepId", "callStack",
  "stepCount", "waitSeq", "resume", "leaseOwner", "leaseUntil", "crashCount", "crashError" FROM "WorkflowInstance" WHERE "id" = ?`;

export function* readInstance(t: Tx, id: string): Step<InstanceRow | null> {
  const raw = yield* t.one<RawInstance>(SELECT_INSTANCE, id);
  if (!raw) return null;
  return {
    ...raw,
    data: readJson<Record<string, unknown>>(raw.data) ?? {},
    callStack: readJson<RunnerState>(raw.callStack),
    resume: readJson<ResumeValue>(raw.resume),
    leaseUntil: readDateOrNull(raw.leaseUntil),
  };
}

/** The instance with the run of the step it waited in when a wait ended (resume is set). */
export function* loadInstance(t: Tx, id: string): Step<LoadedInstance | null> {
  const row = yield* readInstance(t, id);
  if (!row) return null;
  if (row.resume === null) return { row, waitRun: null };
  const run = yield* t.one<{ inputs: string | null; startedAt: string }>(
    'SELECT "inputs", "startedAt" FROM "WorkflowStepRun" WHERE "instanceId" = ? AND "seq" = ?',
    id,
    row.stepCount,
  );
  return { row, waitRun: run ? { inputs: readJson<Record<string, unknown>>(run.inputs) ?? {}, startedAt: readDate(run.startedAt) } : null };
}

export type NewInstance = {
  accountId: string;
  subAccountId: string;
  definitionId: string;
  version: number;
  trigger: string;
  data: Record<string, unknown>;
  entry: string;
  leaseOwner: string;
  leaseUntil: Date;
};

/** A new instance, running and leased to its creator. */
export function* insertInstance(t: Tx, n: NewInstance, now = new Date()): Step<InstanceRow> {
  const row: InstanceRow = {
    id: newId(),
    accountId: n.accountId,
    subAccountId: n.subAccountId,
    definitionId: n.definitionId,
    version: n.version,
    trigger: n.trigger,
    status: 'running',
    data: n.data,
    currentStepId: n.entry,
    callStack: { frames: [] },
    stepCount: 0,
    waitSeq: 0,
    resume: null,
    leaseOwner: n.leaseOwner,
    leaseUntil: n.leaseUntil,
    crashCount: 0,
    crashError: null,
  };
  const at = sqlDate(now);
  yield* t.run(
    `INSERT INTO "WorkflowInstance" ("id", "accountId", "subAccountId", "definitionId", "version", "status", "data", "currentStepId", "callStack", "stepCount",
       "waitSeq", "leaseOwner", "leaseUntil", "trigger", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)`,
    row.id,
    row.accountId,
    row.subAccountId,
    row.definitionId,
    row.version,
    JSON.stringify(row.data),
    row.currentStepId,
    JSON.stringify(row.callStack),
    row.leaseOwner,
    sqlDate(n.leaseUntil),
    row.trigger,
    at,
    at,
  );
  return row;
}

/** Everything a step's end writes to its instance (running on, waiting, completed or failed). */
export type InstanceSettle = {
  status: 'running' | 'waiting' | 'completed' | 'failed';
  data: Record<string, unknown>;
  callStack: RunnerState;
  currentStepId: string | null;
  stepCount: number;
  error?: string | null;
  /** Waiting: what for, and until when. */
  wait?: { kind: string; key: string | null; address: string | null; until: Date } | null;
  /** Still running: the renewed lease; otherwise the lease is released. */
  leaseUntil?: Date | null;
};

// Whether a running instance's write stores the position it already had (the CASEs below see the row
// as it was before the UPDATE): then no step's outcome was stored, and its crash count stands; any other
// position is progress and clears it. Bound to the new stepCount and currentStepId (IS NOT DISTINCT FROM:
// SQLite's `IS ?`, which PostgreSQL has only for NULL, TRUE and FALSE).
const SAME_POSITION = `"stepCount" = ? AND "currentStepId" IS NOT DISTINCT FROM ? AND "resume" IS NULL`;

// One statement per kind of change: SQLite rewrites the entries of every index on a column the SET
// clause names, changed or not, and four of the instance's indexes lead with status or a wait column.
// The crash columns (crash-limit.ts) ride on these writes, which happen anyway: no write of their own.
const SETTLE = {
  running: `UPDATE "WorkflowInstance" SET "data" = ?, "callStack" = ?, "currentStepId" = ?, "stepCount" = ?, "resume" = NULL, "leaseUntil" = ?, "updatedAt" = ?,
    "crashCount" = CASE WHEN ${SAME_POSITION} THEN "crashCount" ELSE 0 END, "crashError" = CASE WHEN ${SAME_POSITION} THEN "crashError" END
    WHERE "id" = ? AND "leaseOwner" = ? AND "status" = 'running'`,
  waiting: `UPDATE "WorkflowInstance" SET "status" = 'waiting', "data" = ?, "callStack" = ?, "currentStepId" = ?, "stepCount" = ?, "resume" = NULL,
    "waitKind" = ?, "waitKey" = ?, "waitAddress" = ?, "waitUntil" = ?, "waitSeq" = "waitSeq" + 1, "leaseOwner" = NULL, "leaseUntil" = NULL, "updatedAt" = ?,
    "crashCount" = 0, "crashError" = NULL WHERE "id" = ? AND "leaseOwner" = ? AND "status" = 'running'`,
  finished: `UPDATE "WorkflowInstance" SET "status" = ?, "data" = ?, "callStack" = ?, "currentStepId" = ?, "stepCount" = ?, "error" = ?, "resume" = NULL,
    "leaseOwner" = NULL, "leaseUntil" = NULL, "finishedAt" = ?, "updatedAt" = ?, "crashCount" = 0, "crashError" = NULL
    WHERE "id" = ? AND "leaseOwner" = ? AND "status" = 'running'`,
};

/**
 * Writes the instance if `owner` still holds its lease (status running); returns false when another
 * runner has taken it over. The stored resume value is cleared: it has been used.
 */
export function* settleInstance(t: Tx, id: string, owner: string, s: InstanceSettle, now = new Date()): Step<boolean> {
  const at = sqlDate(now);
  const data = JSON.stringify(s.data);
  const callStack = JSON.stringify(s.callStack);
  let changed: number;
  if (s.status === 'running') {
    const position = [s.stepCount, s.currentStepId];
    changed = yield* t.run(
      SETTLE.running,
      data,
      callStack,
      s.currentStepId,
      s.stepCount,
      sqlDate(s.leaseUntil ?? now),
      at,
      ...position,
      ...position,
      id,
      owner,
    );
  } else if (s.status === 'waiting') {
    const w = s.wait!;
    changed = yield* t.run(SETTLE.waiting, data, callStack, s.currentStepId, s.stepCount, w.kind, w.key, w.address, sqlDate(w.until), at, id, owner);
  } else {
    changed = yield* t.run(SETTLE.finished, s.status, data, callStack, s.currentStepId, s.stepCount, s.error ?? null, at, at, id, owner);
  }
  return changed === 1;
}

/** Whether `owner` still holds the instance's lease (read in the caller's transaction). */
export function* holdsLease(t: Tx, id: string, owner: string): Step<boolean> {
  return (yield* t.one(`SELECT 1 FROM "WorkflowInstance" WHERE "id" = ? AND "leaseOwner" = ? AND "status" = 'running'`, id, owner)) !== undefined;
}

/**
 * Lets go of a running instance `owner` holds, for any runner to take once `until` has passed. A lease
 * let go of (no owner) is not counted as a crash when it is taken over; one that lapsed with its owner
 * still named is (resume-instance.ts, claimAbandonedAndLoad).
 */
export function* releaseLease(t: Tx, id: string, owner: string, until: Date): Step<boolean> {
  return (
    (yield* t.run(
      `UPDATE "WorkflowInstance" SET "leaseOwner" = NULL, "leaseUntil" = ?, "updatedAt" = ? WHERE "id" = ? AND "leaseOwner" = ? AND "status" = 'running'`,
      sqlDate(until),
      sqlDate(new Date()),
      id,
      owner,
    )) === 1
  );
}

export type StepRunWrite = {
  instanceId: string;
  seq: number;
  stepId: string;
  stepType: string;
  status: string;
  inputs: unknown;
  outputs?: unknown;
  error?: string | null;
  startedAt: Date;
  endedAt: Date | null;
};

/**
 * A step run at its position in the instance. Writing the same position again updates it: the run of a
 * wait is stored when the wait begins and completed when it ends, and a run written in a transaction
 * whose outcome the runner could not learn is simply written again.
 */
export function* upsertStepRun(t: Tx, w: StepRunWrite): Step<void> {
  yield* t.run(
    `INSERT INTO "WorkflowStepRun" ("id", "instanceId", "seq", "stepId", "stepType", "status", "inputs", "outputs", "error", "startedAt", "endedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ("instanceId", "seq") DO UPDATE SET "stepId" = excluded."stepId", "stepType" = excluded."stepType", "status" = excluded."status",
       "inputs" = excluded."inputs", "outputs" = COALESCE(excluded."outputs", "WorkflowStepRun"."outputs"), "error" = excluded."error", "startedAt" = excluded."startedAt",
       "endedAt" = excluded."endedAt"`,
    newId(),
    w.instanceId,
    w.seq,
    w.stepId,
    w.stepType,
    w.status,
    sqlJson(w.inputs ?? {}),
    sqlJson(w.outputs),
    w.error ?? null,
    sqlDate(w.startedAt),
    w.endedAt ? sqlDate(w.endedAt) : null,
  );
}
