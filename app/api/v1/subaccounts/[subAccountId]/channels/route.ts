import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJsonBody } from '@/lib/api/read-json-body';
import { createChannel } from '@/lib/provisioning/create-channel';
import { listChannels } from '@/lib/provisioning/list-channels';

type Params = { subAccountId: string };

// Credentials are stored encrypted and never answered: a channel shows only `"credentials": "set"`.
export const POST = withApiKey<Params>(
  async ({ req, key, params }) =>
    jsonResponse(await createChannel(db, apiKeyActor(key), key.accountId, params.subAccountId, (await readJsonBody(req)) as never), { status: 201 }),
  { permission: 'settings.channels.manage' },
);

export const GET = withApiKey<Params>(
  async ({ key, params }) => jsonResponse({ data: await listChannels(db, key.accountId, params.subAccountId), nextCursor: null }),
  { permission: 'settings.channels.manage' },
);
