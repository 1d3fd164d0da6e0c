import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { deleteEndpoint, getEndpoint } from '@/lib/webhooks/endpoints';
import { listDeliveries } from '@/lib/webhooks/list-deliveries';

export const GET = withApiKey<{ accountId: string; id: string }>(
  async ({ key, params }) => {
    const endpoint = await getEndpoint(db, key.accountId, params.id);
    const deliveries = await listDeliveries(db, key.accountId, { endpointId: endpoint.id, limit: 20 });
    return jsonResponse({ ...endpoint, recentDeliveries: deliveries.map(({ body: _body, ...d }) => d) });
  },
  { permission: 'settings.webhooks.manage' },
);

export const DELETE = withApiKey<{ accountId: string; id: string }>(
  async ({ key, params }) => {
    await deleteEndpoint(db, key.accountId, params.id, apiKeyActor(key));
    return new Response(null, { status: 204 });
  },
  { permission: 'settings.webhooks.manage' },
);
