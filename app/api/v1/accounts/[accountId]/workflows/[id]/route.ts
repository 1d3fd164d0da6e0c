import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { deleteWorkflow, getWorkflow, toApiWorkflow, updateWorkflow } from '@/lib/automation/workflows';
import { queryInt, readRawJson } from '@/lib/automation/api/api-helpers';

type P = { accountId: string; id: string };

export const GET = withApiKey<P>(
  async ({ req, key, params }) => {
    const version = queryInt(new URL(req.url), 'version', 1, 1_000_000);
    return jsonResponse(toApiWorkflow(await getWorkflow(db, key.accountId, params.id, { version })));
  },
  { permission: 'automation.view' },
);

// As with 8x8's API, a PUT takes effect: the new version is saved and published.
export const PUT = withApiKey<P>(
  async ({ req, key, params }) => {
    const saved = await updateWorkflow(db, key.accountId, params.id, await readRawJson(req), { actor: apiKeyActor(key), publish: true });
    return jsonResponse({ ...toApiWorkflow(saved), ...(saved.warnings.length ? { warnings: saved.warnings } : {}) });
  },
  { permission: ['automation.edit', 'automation.publish'] },
);

export const DELETE = withApiKey<P>(
  async ({ key, params }) => {
    await deleteWorkflow(db, key.accountId, params.id, apiKeyActor(key));
    return new Response(null, { status: 204 });
  },
  { permission: 'automation.edit' },
);
