import { jsonResponse } from '@/lib/api/json-response';
import { readJsonBody } from '@/lib/api/read-json-body';
import { withApiKey } from '@/lib/api/with-api-key';
import { db } from '@/lib/db/client';
import { getConverseConfig, updateConverseConfig } from '@/lib/converse/converse-config';
import { keyViewer } from '@/lib/converse/converse-viewer';

export const GET = withApiKey<{ accountId: string }>(async ({ key }) => jsonResponse(await getConverseConfig(db, keyViewer(key))), {
  permission: 'converse.supervisor',
});

export const PUT = withApiKey<{ accountId: string }>(
  async ({ req, key }) => jsonResponse(await updateConverseConfig(db, keyViewer(key), await readJsonBody(req))),
  { permission: 'converse.supervisor' },
);
