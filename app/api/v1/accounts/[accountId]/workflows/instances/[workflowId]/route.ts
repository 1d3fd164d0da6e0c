import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { getInstance } from '@/lib/automation/instances/read-instances';

export const GET = withApiKey<{ accountId: string; workflowId: string }>(
  async ({ key, params }) => {
    const i = await getInstance(db, key.accountId, params.workflowId);
    return jsonResponse({
      workflowId: i.workflowId,
      definitionId: i.definitionId,
      version: i.version,
      status: i.status,
      createdAt: i.createdAt,
      updatedAt: i.updatedAt,
      data: i.data,
      steps: i.steps.map(({ seq: _seq, ...s }) => s),
    });
  },
  { permission: 'automation.view' },
);
