import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { ValidationError } from '@/lib/errors';
import { sendMessage } from '@/lib/messaging/send-message';
import { listMessages } from '@/lib/messaging/logs/list-messages';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';

export const POST = withApiKey<{ subAccountId: string }>(async ({ req, key, params }) => {
  let body: unknown;
  try {
    const text = await req.text();
    body = text.trim() ? JSON.parse(text) : undefined;
  } catch {
    throw new ValidationError('Invalid parameter(s): malformed JSON body', [{ path: '', message: 'The body is not valid JSON' }]);
  }
  const result = await sendMessage(db, { accountId: key.accountId, subAccountId: params.subAccountId, body });
  return jsonResponse(result);
});

export const GET = withApiKey<{ subAccountId: string }>(async ({ req, key, params }) => {
  const sub = await findSubAccount(db, key.accountId, params.subAccountId);
  const query = Object.fromEntries(new URL(req.url).searchParams);
  return jsonResponse(await listMessages(db, sub.id, query));
});
