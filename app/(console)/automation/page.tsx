import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { can } from '@/lib/auth/principal';
import { listWorkflows } from '@/lib/automation/workflows';
import { requireAccountPage } from '@/app/_lib/console-context';
import { WorkflowListClient } from './page-client';

export const metadata: Metadata = { title: 'Workflows' };

export default async function WorkflowsPage() {
  const { account, principal } = await requireAccountPage('automation.view');
  const workflows = await listWorkflows(db, account.id);
  return (
    <WorkflowListClient
      accountName={account.name}
      canEdit={can(principal, 'automation.edit')}
      workflows={workflows.map((w) => ({
        id: w.id,
        name: w.name,
        trigger: w.trigger,
        subAccountId: w.subAccountId,
        status: w.status,
        steps: w.definition.steps.length,
        latestVersion: w.latestVersion,
        publishedVersion: w.publishedVersion,
        updatedAt: w.updatedAt.toISOString(),
      }))}
    />
  );
}
