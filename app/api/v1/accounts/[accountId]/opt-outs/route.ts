import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { listOptOuts } from '@/lib/contacts/list-opt-outs';
import { exportOptOutsCsv } from '@/lib/contacts/export-opt-outs-csv';
import { csvResponse, wantsCsv } from '@/lib/http/csv';

export const GET = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const query = Object.fromEntries(new URL(req.url).searchParams);
    if (wantsCsv(req)) return csvResponse('opt-outs.csv', await exportOptOutsCsv(db, key.accountId, query));
    return jsonResponse(await listOptOuts(db, key.accountId, query));
  },
  { permission: 'contacts.view' },
);
