import { db } from '@/lib/db/client';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { listRecipients, recipientsCsv } from '@/lib/campaigns/list-recipients';
import { csvResponse } from '@/lib/http/csv';
import { pageLimit } from '@/lib/campaigns/list-campaigns';
import { consoleRoute, jsonResponse } from '@/app/_lib/console-route';
import { listProblemRecipients, problemRecipientsCsv } from '@/lib/campaigns/problem-recipients';

/**
 * GET /campaigns/{id}/recipients?status=&cursor=&limit= — the recipients table's pages; `status=problems`
 * is every row that will not be sent. With format=csv, the whole list as a download (the problem report,
 * or the results), streamed.
 */
export const GET = consoleRoute('campaigns.view', async (req, { accountId, params }) => {
  const id = params.id!;
  const q = new URL(req.url).searchParams;
  const status = q.get('status') || null;
  if (q.get('format') === 'csv') {
    const campaign = await getCampaign(db, accountId, id);
    const body = status === 'problems' ? await problemRecipientsCsv(db, accountId, id) : await recipientsCsv(db, accountId, id, { status });
    const suffix = status === 'problems' ? 'problems' : status ? `recipients-${status}` : 'results';
    return csvResponse(`${campaign.name}-${suffix}.csv`, body);
  }
  if (status === 'problems')
    return jsonResponse(200, await listProblemRecipients(db, accountId, id, { limit: pageLimit(q.get('limit'), 1000, 100), cursor: q.get('cursor') }));
  return jsonResponse(200, await listRecipients(db, accountId, id, { status, limit: q.get('limit'), cursor: q.get('cursor') }));
});
