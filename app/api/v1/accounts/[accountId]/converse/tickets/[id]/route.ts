import { jsonResponse } from '@/lib/api/json-response';
import { readJsonBody } from '@/lib/api/read-json-body';
import { withApiKey } from '@/lib/api/with-api-key';
import { db } from '@/lib/db/client';
import { keyViewer } from '@/lib/converse/converse-viewer';
import { getTicket } from '@/lib/converse/get-ticket';
import { updateTicket } from '@/lib/converse/update-ticket';

export const GET = withApiKey<{ accountId: string; id: string }>(async ({ key, params }) => jsonResponse(await getTicket(db, keyViewer(key), params.id)), {
  permission: 'converse.agent',
});

/**
 * `{ status?, assigneeId? }`. A key assigns only by naming the agent (it is nobody itself), and only
 * with the Converse Supervisor scope, as assigning others needs for a person.
 */
export const PATCH = withApiKey<{ accountId: string; id: string }>(
  async ({ req, key, params }) => jsonResponse(await updateTicket(db, keyViewer(key), params.id, await readJsonBody(req))),
  { permission: 'converse.agent' },
);
