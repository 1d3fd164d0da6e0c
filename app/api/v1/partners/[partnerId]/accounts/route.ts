import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJsonBody } from '@/lib/api/read-json-body';
import { createCustomerAccount } from '@/lib/partners/create-customer-account';
import { listCustomerAccounts } from '@/lib/provisioning/list-customer-accounts';

// The key's own partner only (withApiKey answers 404 for another); the new account gets its default subaccount.
export const POST = withApiKey<{ partnerId: string }>(
  async ({ req, key }) => jsonResponse(await createCustomerAccount(db, apiKeyActor(key), (await readJsonBody(req)) as never), { status: 201 }),
  { permission: 'partners.accounts.manage' },
);

export const GET = withApiKey<{ partnerId: string }>(
  async ({ req, key }) => jsonResponse(await listCustomerAccounts(db, apiKeyActor(key), Object.fromEntries(new URL(req.url).searchParams))),
  { permission: 'partners.accounts.manage' },
);
