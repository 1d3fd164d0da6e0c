import { jsonResponse } from '@/lib/api/json-response';
import { withApiKey } from '@/lib/api/with-api-key';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { launchCampaign } from '@/lib/campaigns/lifecycle/launch-campaign';

// Launches a draft: it runs now or is scheduled (API.md Campaigns). Answers the campaign; 409 when its status does not allow it.
export const POST = withApiKey<{ accountId: string; id: string }>(
  async ({ key, params }) => jsonResponse(await launchCampaign(db, apiKeyActor(key), key.accountId, params.id)),
  { permission: 'campaigns.send' },
);
