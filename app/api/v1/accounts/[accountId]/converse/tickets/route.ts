import { jsonResponse } from '@/lib/api/json-response';
import { readJsonBody } from '@/lib/api/read-json-body';
import { withApiKey } from '@/lib/api/with-api-key';
import { db } from '@/lib/db/client';
import { keyViewer } from '@/lib/converse/converse-viewer';
import { listTickets } from '@/lib/converse/list-tickets';
import { openTicketByApi } from '@/lib/converse/open-ticket-by-api';

// A key is not a person: it holds no tickets ("view=mine" is empty) and sees every ticket of its
// account (lib/converse/converse-viewer.ts).
export const GET = withApiKey<{ accountId: string }>(
  async ({ req, key }) => jsonResponse(await listTickets(db, keyViewer(key), Object.fromEntries(new URL(req.url).searchParams))),
  { permission: 'converse.agent' },
);

/** A hand-over by an integration: 201 with a new ticket, 200 when the conversation's open ticket was joined. */
export const POST = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const { ticket, created } = await openTicketByApi(db, keyViewer(key), await readJsonBody(req));
    return jsonResponse(ticket, { status: created ? 201 : 200 });
  },
  { permission: 'converse.agent' },
);
