import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJsonBody } from '@/lib/api/read-json-body';
import { channelView } from '@/lib/provisioning/channel-view';
import { findAccountChannel } from '@/lib/provisioning/find-account-channel';
import { updateChannel } from '@/lib/provisioning/update-channel';

type Params = { subAccountId: string; channelId: string };

export const GET = withApiKey<Params>(
  async ({ key, params }) => jsonResponse(channelView(await findAccountChannel(db, key.accountId, params.subAccountId, params.channelId))),
  { permission: 'settings.channels.manage' },
);

// { name?, credentials?: { apiKey?, subAccountId?, webhookSecret? } }: a blank credential keeps the stored one.
export const PATCH = withApiKey<Params>(
  async ({ req, key, params }) =>
    jsonResponse(await updateChannel(db, apiKeyActor(key), key.accountId, params.subAccountId, params.channelId, (await readJsonBody(req)) as never)),
  { permission: 'settings.channels.manage' },
);
