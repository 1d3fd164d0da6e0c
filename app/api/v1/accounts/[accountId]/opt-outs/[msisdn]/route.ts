import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJsonBody } from '@/lib/api/read-json-body';
import { addOptOut } from '@/lib/contacts/add-opt-out';
import { removeOptOut } from '@/lib/contacts/remove-opt-out';
import { getOptOut } from '@/lib/contacts/list-opt-outs';

type Params = { accountId: string; msisdn: string };

/** Whether the number opted out: the opt-out, or 404. */
export const GET = withApiKey<Params>(async ({ key, params }) => jsonResponse(await getOptOut(db, key.accountId, params.msisdn)), {
  permission: 'contacts.view',
});

export const PUT = withApiKey<Params>(
  async ({ req, key, params }) => {
    const body = await readJsonBody(req);
    const { optOut, created } = await addOptOut(db, key.accountId, params.msisdn, { source: 'api', body, actor: apiKeyActor(key) });
    return jsonResponse(optOut, { status: created ? 201 : 200 });
  },
  { permission: 'contacts.manage' },
);

export const DELETE = withApiKey<Params>(
  async ({ key, params }) => {
    await removeOptOut(db, key.accountId, params.msisdn, apiKeyActor(key));
    return new Response(null, { status: 204 });
  },
  { permission: 'contacts.manage' },
);
