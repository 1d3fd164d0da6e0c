import type { WorkflowBody, WorkflowDefinition } from '@/lib/automation/definition/definition-schema';
import type { Trigger, WorkflowStatus } from '@/lib/automation/definition/step-types';
import { readStoredLayout, type WorkflowLayout } from './workflow-layout';

/** A stored workflow with the body of one of its versions (the latest unless asked otherwise). */
export type WorkflowRecord = {
  id: string;
  accountId: string;
  subAccountId: string;
  trigger: Trigger;
  status: WorkflowStatus;
  name: string;
  /** The version whose body this record carries. */
  version: number;
  latestVersion: number;
  publishedVersion: number | null;
  definition: WorkflowDefinition;
  /** The editor's node positions for this version (not part of the 8x8 body; never in API answers). */
  layout: WorkflowLayout | null;
  createdAt: Date;
  updatedAt: Date;
};

export type WorkflowVersionSummary = {
  version: number;
  note: string | null;
  publishedAt: Date | null;
  createdById: string | null;
  createdAt: Date;
  isPublished: boolean;
  name: string;
};

type Row = {
  id: string;
  accountId: string;
  subAccountId: string;
  trigger: string;
  status: string;
  name: string;
  latestVersion: number;
  publishedVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toRecord(row: Row, version: number, body: unknown, layout: unknown = null): WorkflowRecord {
  const b = body as WorkflowBody;
  return {
    id: row.id,
    accountId: row.accountId,
    subAccountId: row.subAccountId,
    trigger: row.trigger as Trigger,
    status: row.status as WorkflowStatus,
    name: row.name,
    version,
    latestVersion: row.latestVersion,
    publishedVersion: row.publishedVersion,
    definition: b.definition,
    layout: readStoredLayout(layout),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The 8x8 answer: `{ id, version, ...the body }` (the editor's layout stays out of it). */
export function toApiWorkflow(w: WorkflowRecord) {
  return {
    id: w.id,
    version: w.version,
    publishedVersion: w.publishedVersion,
    subAccountId: w.subAccountId,
    trigger: w.trigger,
    status: w.status,
    definition: w.definition,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}
