import type { Metadata } from 'next';
import { can } from '@/lib/auth/principal';
import { requireAccountPage } from '@/app/_lib/console-context';
import { loadEditorEnv } from '../_lib/load-editor-env';
import { requestOrigin } from '@/app/_lib/request-origin';
import { WorkflowEditorClient } from '../[id]/page-client';

export const metadata: Metadata = { title: 'New workflow' };

/** An empty canvas: the workflow is created (as a draft) on its first valid save. */
export default async function NewWorkflowPage() {
  const { account, principal } = await requireAccountPage('automation.edit');
  const env = await loadEditorEnv(account.id);
  const firstChatApps = env.subAccounts.find((s) => s.channels.some((c) => c.type === 'whatsapp'))?.id ?? env.subAccounts[0]?.id ?? '';
  return (
    <WorkflowEditorClient
      accountId={account.id}
      origin={await requestOrigin()}
      env={env}
      canEdit
      canPublish={can(principal, 'automation.publish')}
      initial={{
        id: null,
        status: 'disabled',
        latestVersion: 0,
        publishedVersion: null,
        updatedAt: null,
        body: { subAccountId: firstChatApps, trigger: 'inbound_chat_apps', status: 'disabled', definition: { name: 'Untitled workflow', steps: [] } },
      }}
    />
  );
}
