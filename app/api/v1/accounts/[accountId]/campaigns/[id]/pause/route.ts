import { jsonResponse } from '@/lib/api/json-response';
import { withApiKey } from '@/lib/api/with-api-key';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { pauseCampaign } from '@/lib/campaigns/lifecycle/pause-campaign';

// Pauses a running or scheduled campaign. Answers the campaign; 409 when its status does not allow it.
export const POST = withApiKey<{ accountId: string; id: string }>(
  async ({ key, params }) => jsonResponse(await pauseCampaign(db, apiKeyActor(key), key.accountId, params.id)),
  { permission: 'campaigns.send' },
);
