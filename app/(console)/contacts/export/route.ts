import { db } from '@/lib/db/client';
import { csvResponse } from '@/lib/http/csv';
import { exportContactsCsv } from '@/lib/contacts/export-contacts-csv';
import { exportOptOutsCsv } from '@/lib/contacts/export-opt-outs-csv';
import { consoleRoute } from '@/app/_lib/console-route';

/**
 * The Contacts page's downloads (?kind=contacts|opt-outs with the page's filters), streamed as the
 * API's exports are. Signed-in users only, with View Contacts, in the account they are working in.
 */
export const GET = consoleRoute('contacts.view', async (req, { accountId }) => {
  const params = new URL(req.url).searchParams;
  const kind = params.get('kind') === 'opt-outs' ? 'opt-outs' : 'contacts';
  const query: Record<string, string> = {};
  for (const k of kind === 'opt-outs' ? ['search'] : ['tag', 'search']) {
    const v = params.get(k)?.trim();
    if (v) query[k] = v;
  }
  const body = kind === 'opt-outs' ? await exportOptOutsCsv(db, accountId, query) : await exportContactsCsv(db, accountId, query);
  return csvResponse(`${accountId}-${kind}.csv`, body);
});
