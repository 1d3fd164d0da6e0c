import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJsonBody } from '@/lib/api/read-json-body';
import { sendMessage } from '@/lib/messaging/send-message';
import { listMessages } from '@/lib/messaging/logs/list-messages';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';

export const POST = withApiKey<{ subAccountId: string }>(
  async ({ req, key, params }) => {
    const body = await readJsonBody(req);
    const result = await sendMessage(db, { accountId: key.accountId, subAccountId: params.subAccountId, body });
    return jsonResponse(result);
  },
  { permission: 'messages.send' },
);

export const GET = withApiKey<{ subAccountId: string }>(
  async ({ req, key, params }) => {
    const sub = await findSubAccount(db, key.accountId, params.subAccountId);
    const query = Object.fromEntries(new URL(req.url).searchParams);
    return jsonResponse(await listMessages(db, sub.id, query));
  },
  { permission: 'logs.view' },
);
