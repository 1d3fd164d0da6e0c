import { db } from '@/lib/db/client';
import { previewRecipient } from '@/lib/campaigns/preview-recipient';
import type { RecipientPreview } from '@/components/campaigns/campaign-types';
import { consoleRoute, jsonResponse } from '@/app/_lib/console-route';

/** GET /campaigns/{id}/preview?row=N — the message row N gets, and the rows to step to either side. */
export const GET = consoleRoute('campaigns.view', async (req, { accountId, params }) => {
  const p = await previewRecipient(db, accountId, params.id!, new URL(req.url).searchParams.get('row'));
  const body: RecipientPreview = { row: p.row, msisdn: p.msisdn, template: p.message.content.template, prevRow: p.prevRow, nextRow: p.nextRow };
  return jsonResponse(200, body);
});
