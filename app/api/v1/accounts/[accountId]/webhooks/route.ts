import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { ValidationError } from '@/lib/errors';
import { createEndpoint, listEndpoints } from '@/lib/webhooks/endpoints';

export const POST = withApiKey<{ accountId: string }>(async ({ req, key }) => {
  let body: unknown;
  try {
    const text = await req.text();
    body = text.trim() ? JSON.parse(text) : undefined;
  } catch {
    throw new ValidationError('Invalid parameter(s): malformed JSON body', [{ path: '', message: 'The body is not valid JSON' }]);
  }
  return jsonResponse(await createEndpoint(db, key.accountId, body), { status: 201 });
});

export const GET = withApiKey<{ accountId: string }>(async ({ key }) => jsonResponse({ data: await listEndpoints(db, key.accountId) }));
