import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJsonBody } from '@/lib/api/read-json-body';
import { getCustomerAccount } from '@/lib/provisioning/list-customer-accounts';
import { updateCustomerAccount } from '@/lib/provisioning/update-customer-account';

type Params = { partnerId: string; accountId: string };

export const GET = withApiKey<Params>(async ({ key, params }) => jsonResponse(await getCustomerAccount(db, apiKeyActor(key), params.accountId)), {
  permission: 'partners.accounts.manage',
});

// { name?, suspended? }: a suspended account's keys and sends are refused until it is resumed.
export const PATCH = withApiKey<Params>(
  async ({ req, key, params }) =>
    jsonResponse(await updateCustomerAccount(db, apiKeyActor(key), params.accountId, (await readJsonBody(req)) as never, { callerAccountId: key.accountId })),
  { permission: 'partners.accounts.manage' },
);
