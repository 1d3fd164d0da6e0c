import { db } from '@/lib/db/client';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { consoleRoute, jsonResponse } from '@/app/_lib/console-route';
import { campaignData } from '../../_lib/campaign-data';

/** GET /campaigns/{id}/live — the campaign page's poll: status, stop reason and counters (one row read). */
export const GET = consoleRoute('campaigns.view', async (_req, { accountId, params }) =>
  jsonResponse(200, { campaign: campaignData(await getCampaign(db, accountId, params.id!)) }),
);
