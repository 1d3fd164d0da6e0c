import { jsonResponse } from '@/lib/api/json-response';
import { readJsonBody } from '@/lib/api/read-json-body';
import { withApiKey } from '@/lib/api/with-api-key';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { testSendCampaign } from '@/lib/campaigns/lifecycle/test-send-campaign';

// { "msisdn", "row"? }: that row's message (the first valid row by default) sent to msisdn now, outside the campaign.
export const POST = withApiKey<{ accountId: string; id: string }>(
  async ({ req, key, params }) => jsonResponse(await testSendCampaign(db, apiKeyActor(key), key.accountId, params.id, await readJsonBody(req))),
  { permission: 'campaigns.send' },
);
