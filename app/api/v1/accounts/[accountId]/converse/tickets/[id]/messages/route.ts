import { jsonResponse } from '@/lib/api/json-response';
import { readJsonBody } from '@/lib/api/read-json-body';
import { withApiKey } from '@/lib/api/with-api-key';
import { db } from '@/lib/db/client';
import { keyViewer } from '@/lib/converse/converse-viewer';
import { replyToTicket } from '@/lib/converse/reply-to-ticket';

/** A reply to the customer through the send pipeline; freeform outside the 24 h window is a 409 naming the window. */
export const POST = withApiKey<{ accountId: string; id: string }>(
  async ({ req, key, params }) => {
    const { umid, ticket } = await replyToTicket(db, keyViewer(key), params.id, await readJsonBody(req));
    return jsonResponse({ umid, status: { state: 'queued' }, ticket }, { status: 201 });
  },
  { permission: 'converse.agent' },
);
