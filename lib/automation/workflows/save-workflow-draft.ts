import { isDeepStrictEqual } from 'node:util';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { NotFoundError } from '@/lib/errors';
import { checkWorkflowTenancy } from './check-workflow-tenancy';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { parseWorkflowBody } from './parse-workflow-body';
import type { SaveResult } from './save-workflow';
import { parseWorkflowLayout } from './workflow-layout';
import { toRecord } from './workflow-record';

export type DraftSaveResult = SaveResult & {
  /** What the save did to the versions: nothing new, wrote over the open draft, or started a draft. */
  outcome: 'unchanged' | 'updated' | 'created';
};

/**
 * The editor's save (autosave and explicit): one draft per round of edits, not a version per save.
 *
 * The latest version is written over while it is an open draft: never published and never run (not
 * even by a test run). A published version is immutable, and so is one an instance has run on, so
 * that instance (and its path shown later on the graph) keeps the definition it ran; editing after
 * either starts the next draft version. Publishing then freezes the draft as the version that runs.
 * A body equal to the latest version's adds nothing; its layout (positions only, not what runs) is
 * still stored on that version, published or not.
 *
 * The REST API's PUT keeps 8x8's meaning (`updateWorkflow`: every PUT is a new, published version).
 */
export async function saveWorkflowDraft(
  db: Db,
  accountId: string,
  id: string,
  input: unknown,
  opts: { actor: Actor; layout?: unknown },
): Promise<DraftSaveResult> {
  const { body, warnings } = parseWorkflowBody(input);
  const layout = opts.layout == null ? undefined : (parseWorkflowLayout(opts.layout) as Prisma.InputJsonValue);
  await checkWorkflowTenancy(db, accountId, body);
  const json = body as unknown as Prisma.InputJsonValue;
  return db.$transaction(async (tx) => {
    const current = await tx.workflow.findFirst({ where: { id, accountId, deletedAt: null } });
    if (!current) throw new NotFoundError(`Workflow '${id}' not found`);
    const latest = await tx.workflowVersion.findUnique({ where: { workflowId_version: { workflowId: id, version: current.latestVersion } } });
    if (!latest) throw new NotFoundError(`Workflow '${id}' has no version ${current.latestVersion}`);

    // Equal as JSON values, in any key order: PostgreSQL's jsonb gives keys back in an order of its own.
    if (isDeepStrictEqual(latest.body, JSON.parse(JSON.stringify(body)))) {
      if (layout !== undefined) await tx.workflowVersion.update({ where: { id: latest.id }, data: { layout } });
      return { ...toRecord(current, latest.version, body, layout ?? latest.layout), warnings, outcome: 'unchanged' as const };
    }

    const hasRun = await tx.workflowInstance.findFirst({ where: { definitionId: id, version: latest.version }, select: { id: true } });
    const open = latest.publishedAt === null && !hasRun;
    const version = open ? latest.version : latest.version + 1;
    if (open) {
      await tx.workflowVersion.update({ where: { id: latest.id }, data: { body: json, ...(layout !== undefined ? { layout } : {}) } });
    } else {
      await tx.workflowVersion.create({
        // A new draft starts from the positions the editor sent, else from those of the version before.
        data: {
          workflowId: id,
          version,
          body: json,
          layout: layout ?? (latest.layout as Prisma.InputJsonValue | null) ?? undefined,
          createdById: opts.actor.userId ?? null,
        },
      });
    }
    const row = await tx.workflow.update({
      where: { id },
      data: { subAccountId: body.subAccountId, trigger: body.trigger, status: body.status, name: body.definition.name, latestVersion: version },
    });
    // One audit event per draft started, not one per autosave: the draft's content is in its version.
    if (!open) {
      await recordAuditEvent(tx, opts.actor, {
        accountId,
        action: 'workflow.update',
        entityType: 'workflow',
        entityId: id,
        summary: `Started draft version ${version} of workflow '${body.definition.name}'`,
      });
    }
    const stored = await tx.workflowVersion.findUniqueOrThrow({ where: { workflowId_version: { workflowId: id, version } }, select: { layout: true } });
    return { ...toRecord(row, version, body, stored.layout), warnings, outcome: open ? ('updated' as const) : ('created' as const) };
  });
}
