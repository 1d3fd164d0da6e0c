import { db } from '@/lib/db/client';
import { previewRecipient } from '@/lib/campaigns/preview-recipient';
import type { RecipientPreview } from '@/components/campaigns/campaign-types';
import { campaignRoute, jsonResponse } from '../../_lib/campaign-route';

/** GET /campaigns/{id}/preview?row=N — the message row N gets, and the rows to step to either side. */
export const GET = campaignRoute('campaigns.view', async (req, { accountId, params }) => {
  const p = await previewRecipient(db, accountId, params.id!, new URL(req.url).searchParams.get('row'));
  const body: RecipientPreview = { row: p.row, msisdn: p.msisdn, template: p.message.content.template, prevRow: p.prevRow, nextRow: p.nextRow };
  return jsonResponse(200, body);
});
