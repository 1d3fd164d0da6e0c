import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJsonBody } from '@/lib/api/read-json-body';
import { getContact } from '@/lib/contacts/get-contact';
import { upsertContact } from '@/lib/contacts/upsert-contact';
import { deleteContact } from '@/lib/contacts/delete-contact';

type Params = { accountId: string; msisdn: string };

export const GET = withApiKey<Params>(async ({ key, params }) => jsonResponse(await getContact(db, key.accountId, params.msisdn)), {
  permission: 'contacts.view',
});

export const PUT = withApiKey<Params>(
  async ({ req, key, params }) => {
    const body = await readJsonBody(req);
    const { contact, created } = await upsertContact(db, key.accountId, params.msisdn, body, { actor: apiKeyActor(key) });
    return jsonResponse(contact, { status: created ? 201 : 200 });
  },
  { permission: 'contacts.manage' },
);

export const DELETE = withApiKey<Params>(
  async ({ key, params }) => {
    await deleteContact(db, key.accountId, params.msisdn, apiKeyActor(key));
    return new Response(null, { status: 204 });
  },
  { permission: 'contacts.manage' },
);
