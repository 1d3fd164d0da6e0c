import { jsonResponse } from '@/lib/api/json-response';
import { withApiKey } from '@/lib/api/with-api-key';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { deleteCampaign } from '@/lib/campaigns/delete-campaign';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { db } from '@/lib/db/client';

export const GET = withApiKey<{ accountId: string; id: string }>(async ({ key, params }) => jsonResponse(await getCampaign(db, key.accountId, params.id)), {
  permission: 'campaigns.view',
});

// A draft only (409 otherwise), with its recipients and its stored CSV.
export const DELETE = withApiKey<{ accountId: string; id: string }>(
  async ({ key, params }) => {
    await deleteCampaign(db, apiKeyActor(key), key.accountId, params.id);
    return new Response(null, { status: 204 });
  },
  { permission: 'campaigns.send' },
);
