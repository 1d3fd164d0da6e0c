import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { INSTANCE_STATUSES, listInstances } from '@/lib/automation/instances/read-instances';
import { queryEnum, queryInt } from '@/lib/automation/api/api-helpers';

export const GET = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const url = new URL(req.url);
    const list = await listInstances(db, key.accountId, {
      definitionId: url.searchParams.get('definitionId') || undefined,
      status: queryEnum(url, 'status', INSTANCE_STATUSES),
      limit: queryInt(url, 'limit', 1, 500),
    });
    return jsonResponse(list.map(({ workflowId, definitionId, status, createdAt, updatedAt }) => ({ workflowId, definitionId, status, createdAt, updatedAt })));
  },
  { permission: 'automation.view' },
);
