import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { listInstanceErrors } from '@/lib/automation/instances/read-instances';

export const GET = withApiKey<{ accountId: string; workflowId: string }>(
  async ({ key, params }) => jsonResponse(await listInstanceErrors(db, key.accountId, params.workflowId)),
  { permission: 'automation.view' },
);
