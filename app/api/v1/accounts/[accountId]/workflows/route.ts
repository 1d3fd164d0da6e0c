import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { createWorkflow, listWorkflows, toApiWorkflow } from '@/lib/automation/workflows';
import { TRIGGERS, WORKFLOW_STATUSES } from '@/lib/automation/definition/step-types';
import { queryEnum, readRawJson } from '@/lib/automation/api/api-helpers';

export const POST = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const saved = await createWorkflow(db, key.accountId, await readRawJson(req), { actor: apiKeyActor(key), publish: true });
    return jsonResponse({ ...toApiWorkflow(saved), ...(saved.warnings.length ? { warnings: saved.warnings } : {}) }, { status: 201 });
  },
  { permission: ['automation.edit', 'automation.publish'] },
);

export const GET = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const url = new URL(req.url);
    const list = await listWorkflows(db, key.accountId, {
      subAccountId: url.searchParams.get('subAccountId') || undefined,
      trigger: queryEnum(url, 'trigger', TRIGGERS),
      status: queryEnum(url, 'status', WORKFLOW_STATUSES),
    });
    return jsonResponse(list.map(toApiWorkflow));
  },
  { permission: 'automation.view' },
);
