import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { listContacts } from '@/lib/contacts/list-contacts';
import { exportContactsCsv } from '@/lib/contacts/export-contacts-csv';
import { csvResponse, wantsCsv } from '@/lib/http/csv';

export const GET = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const query = Object.fromEntries(new URL(req.url).searchParams);
    if (wantsCsv(req)) return csvResponse('contacts.csv', await exportContactsCsv(db, key.accountId, query));
    return jsonResponse(await listContacts(db, key.accountId, query));
  },
  { permission: 'contacts.view' },
);
