import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db/client';
import { can } from '@/lib/auth/principal';
import { NotFoundError } from '@/lib/errors';
import { getWorkflow, toApiWorkflow } from '@/lib/automation/workflows';
import type { WorkflowJson } from '@/lib/automation/graph/types';
import { requireAccountPage } from '@/app/_lib/console-context';
import { loadEditorEnv } from '../_lib/load-editor-env';
import { requestOrigin } from '@/app/_lib/request-origin';
import { readInstancePath } from '@/lib/automation/test-run';
import { WorkflowEditorClient } from './page-client';

export const metadata: Metadata = { title: 'Workflow editor' };

export default async function WorkflowEditorPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ instance?: string }> }) {
  const { account, principal } = await requireAccountPage('automation.view');
  const { id } = await params;
  const { instance } = await searchParams;
  // A run (linked from Runs) is shown on the version it ran.
  const run = typeof instance === 'string' ? await readInstancePath(db, account.id, instance).catch(() => null) : null;
  const version = run && run.workflowId === id ? run.version : undefined;
  const workflow = await getWorkflow(db, account.id, id, { version }).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const env = await loadEditorEnv(account.id);
  const api = toApiWorkflow(workflow);
  return (
    <WorkflowEditorClient
      accountId={account.id}
      origin={await requestOrigin()}
      env={env}
      canEdit={can(principal, 'automation.edit') && (version === undefined || version === workflow.latestVersion)}
      canPublish={can(principal, 'automation.publish')}
      instanceId={run && run.workflowId === id ? run.id : null}
      initial={{
        id: workflow.id,
        status: workflow.status,
        latestVersion: workflow.latestVersion,
        shownVersion: workflow.version,
        publishedVersion: workflow.publishedVersion,
        updatedAt: api.updatedAt,
        body: {
          subAccountId: workflow.subAccountId,
          trigger: workflow.trigger,
          status: workflow.status,
          definition: workflow.definition as WorkflowJson['definition'],
        },
        layout: workflow.layout,
      }}
    />
  );
}
