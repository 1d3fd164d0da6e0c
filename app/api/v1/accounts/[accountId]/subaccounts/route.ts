import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';

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
