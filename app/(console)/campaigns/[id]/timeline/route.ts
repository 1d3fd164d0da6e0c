import { db } from '@/lib/db/client';
import { campaignTimeline } from '@/lib/campaigns/campaign-timeline';
import { consoleRoute, jsonResponse } from '@/app/_lib/console-route';

/** GET /campaigns/{id}/timeline — the chart's sends, deliveries, reads and failures per time bucket. */
export const GET = consoleRoute('campaigns.view', async (_req, { accountId, params }) => jsonResponse(200, await campaignTimeline(db, accountId, params.id!)));
