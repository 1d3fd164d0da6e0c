import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';

export const INSTANCE_STATUSES = ['running', 'waiting', 'completed', 'failed', 'cancelled'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export type InstanceFilter = { definitionId?: string; status?: InstanceStatus; subAccountId?: string; limit?: number; before?: Date };

export type InstanceSummary = {
  workflowId: string;
  definitionId: string;
  version: number;
  subAccountId: string;
  status: InstanceStatus;
  currentStepId: string | null;
  error: string | null;
  waitKind: string | null;
  waitUntil: string | null;
  createdAt: string;
  updatedAt: string;
};

export type StepRunView = {
  seq: number;
  stepId: string;
  stepType: string;
  status: string;
  startedAt: string;
  endedAt: string | null;
  inputs: unknown;
  outputs: unknown;
  error?: string;
};

type Row = {
  id: string;
  definitionId: string;
  version: number;
  subAccountId: string;
  status: string;
  currentStepId: string | null;
  error: string | null;
  waitKind: string | null;
  waitUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

function summary(r: Row): InstanceSummary {
  return {
    workflowId: r.id,
    definitionId: r.definitionId,
    version: r.version,
    subAccountId: r.subAccountId,
    status: r.status as InstanceStatus,
    currentStepId: r.currentStepId,
    error: r.error,
    waitKind: r.waitKind,
    waitUntil: r.waitUntil?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** An account's instances, most recent first (GET /workflows/instances). */
export async function listInstances(db: Db, accountId: string, filter: InstanceFilter = {}): Promise<InstanceSummary[]> {
  const rows = await db.workflowInstance.findMany({
    where: {
      accountId,
      definitionId: filter.definitionId,
      status: filter.status,
      subAccountId: filter.subAccountId,
      createdAt: filter.before ? { lt: filter.before } : undefined,
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(filter.limit ?? 50, 1), 500),
  });
  return rows.map(summary);
}

/** One instance with its context and every step run (GET /workflows/instances/{workflowId}). */
export async function getInstance(db: Db, accountId: string, instanceId: string) {
  const row = await db.workflowInstance.findFirst({ where: { id: instanceId, accountId } });
  if (!row) throw new NotFoundError(`Workflow instance '${instanceId}' not found`);
  const runs = await db.workflowStepRun.findMany({ where: { instanceId }, orderBy: { seq: 'asc' } });
  const steps: StepRunView[] = runs.map((r) => ({
    seq: r.seq,
    stepId: r.stepId,
    stepType: r.stepType,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    inputs: r.inputs ?? {},
    outputs: r.outputs ?? {},
    ...(r.error ? { error: r.error } : {}),
  }));
  return { ...summary(row), data: row.data, steps };
}

/** The errors of an instance (GET /workflows/instances/{workflowId}/errors). */
export async function listInstanceErrors(db: Db, accountId: string, instanceId: string) {
  const row = await db.workflowInstance.findFirst({ where: { id: instanceId, accountId }, select: { id: true } });
  if (!row) throw new NotFoundError(`Workflow instance '${instanceId}' not found`);
  const runs = await db.workflowStepRun.findMany({ where: { instanceId, error: { not: null } }, orderBy: { seq: 'asc' } });
  return runs.map((r) => ({ stepId: r.stepId, message: r.error!, timestamp: (r.endedAt ?? r.startedAt).toISOString() }));
}
