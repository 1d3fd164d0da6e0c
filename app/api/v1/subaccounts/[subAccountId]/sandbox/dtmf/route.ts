import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJson } from '@/lib/api/read-json';
import { receiveDtmf } from '@/lib/messaging/receive-inbound';
import { sandboxDtmfSchema } from '@/lib/messaging/sandbox-schemas';

// A callee on a sandbox voice call presses keys.
export const POST = withApiKey<{ subAccountId: string }>(
  async ({ req, key, params }) => {
    const body = await readJson(req, sandboxDtmfSchema);
    const result = await receiveDtmf(db, { accountId: key.accountId, subAccountId: params.subAccountId, ...body });
    return jsonResponse(result, { status: 202 });
  },
  { permission: 'simulator.use' },
);
