import { jsonResponse } from '@/lib/api/json-response';
import { withApiKey } from '@/lib/api/with-api-key';
import { previewRecipient } from '@/lib/campaigns/preview-recipient';
import { db } from '@/lib/db/client';

// The send payload row N gets (default: the first valid row), with the valid rows either side.
export const GET = withApiKey<{ accountId: string; id: string }>(
  async ({ req, key, params }) => jsonResponse(await previewRecipient(db, key.accountId, params.id, new URL(req.url).searchParams.get('row'))),
  { permission: 'campaigns.view' },
);
