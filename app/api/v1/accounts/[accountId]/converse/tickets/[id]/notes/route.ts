import { jsonResponse } from '@/lib/api/json-response';
import { readJsonBody } from '@/lib/api/read-json-body';
import { withApiKey } from '@/lib/api/with-api-key';
import { db } from '@/lib/db/client';
import { keyViewer } from '@/lib/converse/converse-viewer';
import { addTicketNote } from '@/lib/converse/add-ticket-note';

export const POST = withApiKey<{ accountId: string; id: string }>(
  async ({ req, key, params }) => jsonResponse(await addTicketNote(db, keyViewer(key), params.id, await readJsonBody(req)), { status: 201 }),
  { permission: 'converse.agent' },
);
