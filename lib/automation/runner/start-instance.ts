import type { Db } from '@/lib/db/client';
import { type Step, type Tx, write } from '@/lib/db/tx';
import { logger } from '@/lib/log/logger';
import { definitionFor } from './definition-cache';
import { MAX_CRASHES } from './crash-limit';
import { insertInstance, type LoadedInstance } from './instance-rows';
import { assertDataFits } from './data-cap';
import { RUNNER_ID, leaseUntil } from './lease';
import { runInstance, type RunResult } from './run-instance';

export type StartableWorkflow = { id: string; accountId: string; subAccountId: string; trigger: string; publishedVersion: number | null };

/** Stores a new instance of `wf` on `version`, running at its entry step and leased to this runner. */
export function* insertStartedInstance(t: Tx, wf: StartableWorkflow, version: number, data: Record<string, unknown>): Step<LoadedInstance> {
  const def = yield* definitionFor(t, wf.id, version);
  const row = yield* insertInstance(t, {
    accountId: wf.accountId,
    subAccountId: wf.subAccountId,
    definitionId: wf.id,
    version,
    trigger: wf.trigger,
    data,
    entry: def.entry,
    leaseOwner: RUNNER_ID,
    leaseUntil: leaseUntil(),
  });
  return { row, waitRun: null };
}

/** Stores a new instance on the workflow's published version, leased to this runner. Null when unpublished. */
export async function createInstance(db: Db, wf: StartableWorkflow, data: Record<string, unknown>): Promise<string | null> {
  const version = wf.publishedVersion;
  if (version === null) return null;
  assertDataFits(data);
  const started = await write(db, (t) => insertStartedInstance(t, wf, version, data));
  return started.row.id;
}

/** The subaccount's enabled, published workflows for a trigger, oldest first. */
export function* findStartableWorkflows(t: Tx, where: { accountId: string; subAccountId: string; trigger: string }): Step<StartableWorkflow[]> {
  return yield* t.all<StartableWorkflow>(
    `SELECT "id", "accountId", "subAccountId", "trigger", "publishedVersion" FROM "Workflow"
     WHERE "subAccountId" = ? AND "trigger" = ? AND "status" = 'enabled' AND "accountId" = ? AND "deletedAt" IS NULL AND "publishedVersion" IS NOT NULL
     ORDER BY "createdAt" ASC`,
    where.subAccountId,
    where.trigger,
    where.accountId,
  );
}

/** Runs without letting a failure escape (the instance is durable; the background task brings it back). */
export async function runSafely(db: Db, instanceId: string, loaded?: LoadedInstance | null): Promise<RunResult | 'error'> {
  try {
    return await runInstance(db, instanceId, loaded);
  } catch (err) {
    logger.error(
      { err, instanceId },
      `workflow instance run failed; it will run again after a lease period, and fail if it stops ${MAX_CRASHES} times at the same step`,
    );
    return 'error';
  }
}

/** Runs instances just started (or resumed); waits for them unless `wait` is false. */
export async function runStarted(db: Db, started: LoadedInstance[], opts: { wait?: boolean } = {}): Promise<string[]> {
  const runs = started.map((s) => runSafely(db, s.row.id, s));
  if (opts.wait !== false) await Promise.all(runs);
  return started.map((s) => s.row.id);
}

/** Starts every enabled, published workflow of a subaccount for a trigger with `data`; returns the instance ids. */
export async function startWorkflows(
  db: Db,
  where: { accountId: string; subAccountId: string; trigger: string },
  data: Record<string, unknown>,
  opts: { wait?: boolean } = {},
): Promise<string[]> {
  assertDataFits(data);
  const started = await write(db, function* (t) {
    const instances: LoadedInstance[] = [];
    for (const wf of yield* findStartableWorkflows(t, where)) instances.push(yield* insertStartedInstance(t, wf, wf.publishedVersion!, data));
    return instances;
  });
  return runStarted(db, started, opts);
}
