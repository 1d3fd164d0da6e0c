import { jsonResponse } from '@/lib/api/json-response';
import { withApiKey } from '@/lib/api/with-api-key';
import { listRecipients, recipientsCsv } from '@/lib/campaigns/list-recipients';
import { csvResponse, wantsCsv } from '@/lib/http/csv';
import { db } from '@/lib/db/client';

// The recipients in row order (?status=, cursor pages), or with ?format=csv / Accept: text/csv the
// downloadable report, streamed.
export const GET = withApiKey<{ accountId: string; id: string }>(
  async ({ req, key, params }) => {
    const q = new URL(req.url).searchParams;
    if (wantsCsv(req))
      return csvResponse(`campaign-${params.id}-recipients.csv`, await recipientsCsv(db, key.accountId, params.id, { status: q.get('status') }));
    return jsonResponse(await listRecipients(db, key.accountId, params.id, { status: q.get('status'), limit: q.get('limit'), cursor: q.get('cursor') }));
  },
  { permission: 'campaigns.view' },
);
