import { getConsoleContext } from '@/app/_lib/console-context';
import { can } from '@/lib/auth/principal';
import { db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { csvResponse } from '@/lib/http/csv';
import { exportContactsCsv } from '@/lib/contacts/export-contacts-csv';
import { exportOptOutsCsv } from '@/lib/contacts/export-opt-outs-csv';

/**
 * The Contacts page's downloads (?kind=contacts|opt-outs with the page's filters), streamed as the
 * API's exports are. Signed-in users only, with View Contacts, in the account they are working in.
 */
export async function GET(req: Request): Promise<Response> {
  const ctx = await getConsoleContext();
  if (!ctx) return new Response('Sign in to continue', { status: 401 });
  if (!ctx.account || !can(ctx.principal, 'contacts.view')) return new Response('You need the "contacts.view" permission', { status: 403 });
  const params = new URL(req.url).searchParams;
  const kind = params.get('kind') === 'opt-outs' ? 'opt-outs' : 'contacts';
  const query: Record<string, string> = {};
  for (const k of kind === 'opt-outs' ? ['search'] : ['tag', 'search']) {
    const v = params.get(k)?.trim();
    if (v) query[k] = v;
  }
  try {
    const body = kind === 'opt-outs' ? await exportOptOutsCsv(db, ctx.account.id, query) : await exportContactsCsv(db, ctx.account.id, query);
    return csvResponse(`${ctx.account.id}-${kind}.csv`, body);
  } catch (err) {
    if (err instanceof ValidationError) return new Response(err.issues[0]?.message ?? err.message, { status: 400 });
    throw err;
  }
}
