import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { ValidationError } from '@/lib/errors';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';
import { startWorkflows } from '@/lib/automation/runner/start-instance';
import { readRawJson } from '@/lib/automation/api/api-helpers';

// Starts every enabled http_request workflow of the subaccount with the JSON body as `data`. The
// instances are stored before the 202; they run on in the background (durably: a crash resumes them).
export const POST = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const subAccountId = new URL(req.url).searchParams.get('subAccountId');
    if (!subAccountId)
      throw new ValidationError("Invalid parameter(s): 'subAccountId'", [{ path: 'subAccountId', message: 'subAccountId is required in the query string' }]);
    await findSubAccount(db, key.accountId, subAccountId);
    const body = await readRawJson(req);
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body)))
      throw new ValidationError('Invalid parameter(s): body', [{ path: '', message: 'The body must be a JSON object' }]);
    const workflowIds = await startWorkflows(db, { accountId: key.accountId, subAccountId, trigger: 'http_request' }, (body ?? {}) as Record<string, unknown>, {
      wait: false,
    });
    return jsonResponse({ workflowIds }, { status: 202 });
  },
  { permission: 'automation.publish' },
);
