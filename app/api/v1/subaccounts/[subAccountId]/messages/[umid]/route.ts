import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { getMessage } from '@/lib/messaging/get-message';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';

export const GET = withApiKey<{ subAccountId: string; umid: string }>(
  async ({ key, params }) => {
    const sub = await findSubAccount(db, key.accountId, params.subAccountId);
    return jsonResponse(await getMessage(db, sub.id, params.umid));
  },
  { permission: 'logs.view' },
);
