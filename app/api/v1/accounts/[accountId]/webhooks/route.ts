import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJsonBody } from '@/lib/api/read-json-body';
import { createEndpoint, listEndpoints } from '@/lib/webhooks/endpoints';

export const POST = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const body = await readJsonBody(req);
    return jsonResponse(await createEndpoint(db, key.accountId, body, apiKeyActor(key)), { status: 201 });
  },
  { permission: 'settings.webhooks.manage' },
);

export const GET = withApiKey<{ accountId: string }>(async ({ key }) => jsonResponse({ data: await listEndpoints(db, key.accountId) }), {
  permission: 'settings.webhooks.manage',
});
