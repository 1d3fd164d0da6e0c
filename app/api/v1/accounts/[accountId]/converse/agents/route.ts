import { jsonResponse } from '@/lib/api/json-response';
import { withApiKey } from '@/lib/api/with-api-key';
import { db } from '@/lib/db/client';
import { keyViewer } from '@/lib/converse/converse-viewer';
import { listAgents } from '@/lib/converse/list-agents';

export const GET = withApiKey<{ accountId: string }>(async ({ key }) => jsonResponse(await listAgents(db, keyViewer(key))), {
  permission: 'converse.supervisor',
});
