import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import type { Trigger, WorkflowStatus } from '@/lib/automation/definition/step-types';
import { toRecord, type WorkflowRecord, type WorkflowVersionSummary } from './workflow-record';

/** One workflow with the body of `version` (default: the latest saved). Another account's is a 404. */
export async function getWorkflow(db: Db, accountId: string, id: string, opts: { version?: number } = {}): Promise<WorkflowRecord> {
  const row = await db.workflow.findFirst({ where: { id, accountId, deletedAt: null } });
  if (!row) throw new NotFoundError(`Workflow '${id}' not found`);
  const version = opts.version ?? row.latestVersion;
  const v = await db.workflowVersion.findUnique({ where: { workflowId_version: { workflowId: id, version } } });
  if (!v) throw new NotFoundError(`Workflow '${id}' has no version ${version}`);
  return toRecord(row, version, v.body, v.layout);
}

/** A run page's heading: the workflow's name and trigger, deleted ones included (their runs stay). */
export async function getWorkflowHeading(db: Db, accountId: string, id: string): Promise<{ name: string; trigger: string; deletedAt: Date | null } | null> {
  return db.workflow.findFirst({ where: { id, accountId }, select: { name: true, trigger: true, deletedAt: true } });
}

const VERSION_LOOKUP_CHUNK = 400;

export type WorkflowFilter = { subAccountId?: string; trigger?: Trigger; status?: WorkflowStatus };

/** The account's workflows, newest first, each with its latest saved body. */
export async function listWorkflows(db: Db, accountId: string, filter: WorkflowFilter = {}): Promise<WorkflowRecord[]> {
  const rows = await db.workflow.findMany({
    where: { accountId, deletedAt: null, subAccountId: filter.subAccountId, trigger: filter.trigger, status: filter.status },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  if (!rows.length) return [];
  // Each workflow adds two bound parameters to the lookup, and SQLite refuses a statement with more
  // than 999 of them (Prisma's P2029): an account with a few hundred workflows answered 500.
  const versions = [];
  for (let i = 0; i < rows.length; i += VERSION_LOOKUP_CHUNK) {
    const chunk = rows.slice(i, i + VERSION_LOOKUP_CHUNK);
    versions.push(...(await db.workflowVersion.findMany({ where: { OR: chunk.map((r) => ({ workflowId: r.id, version: r.latestVersion })) } })));
  }
  const byId = new Map(versions.map((v) => [v.workflowId, v]));
  return rows.flatMap((r) => {
    const v = byId.get(r.id);
    return v ? [toRecord(r, r.latestVersion, v.body, v.layout)] : [];
  });
}

/** Every saved version, newest first. */
export async function listWorkflowVersions(db: Db, accountId: string, id: string): Promise<WorkflowVersionSummary[]> {
  const row = await db.workflow.findFirst({ where: { id, accountId, deletedAt: null } });
  if (!row) throw new NotFoundError(`Workflow '${id}' not found`);
  const versions = await db.workflowVersion.findMany({ where: { workflowId: id }, orderBy: { version: 'desc' } });
  return versions.map((v) => ({
    version: v.version,
    note: v.note,
    publishedAt: v.publishedAt,
    createdById: v.createdById,
    createdAt: v.createdAt,
    isPublished: v.version === row.publishedVersion,
    name: (v.body as { definition?: { name?: string } }).definition?.name ?? row.name,
  }));
}
