import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJsonBody } from '@/lib/api/read-json-body';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { createSubAccount } from '@/lib/provisioning/create-sub-account';

export const GET = withApiKey<{ accountId: string }>(
  async ({ key }) => {
    const subs = await listAccountStructure(db, key.accountId);
    return jsonResponse({
      data: subs.map((s) => ({
        subAccountId: s.id,
        accountId: s.accountId,
        name: s.name,
        channels: s.channels.map((c) => ({ channelId: c.id, channel: c.kind, name: c.name, address: c.address, provider: c.provider })),
      })),
    });
  },
  { permission: null },
);

export const POST = withApiKey<{ accountId: string }>(
  async ({ req, key }) => jsonResponse(await createSubAccount(db, apiKeyActor(key), key.accountId, (await readJsonBody(req)) as never), { status: 201 }),
  { permission: 'settings.channels.manage' },
);
