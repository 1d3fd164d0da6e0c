import type { Db } from '@/lib/db/client';
import { ValidationError, type Issue } from '@/lib/errors';
import type { StepDefinition, WorkflowBody } from '@/lib/automation/definition/definition-schema';
import { hasTemplate } from '@/lib/automation/script/templates';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';

// Step inputs that name a subaccount (the reference spells it both ways). Channels and templates are
// chosen through the subaccount, so a subaccount of the workflow's account is all a step can reach.
const SUB_ACCOUNT_INPUTS = ['subAccountId', 'subaccountId'] as const;

type Named = { id: string; path: string; stepId: string };

function literalIds(steps: StepDefinition[], base: string, out: Named[]) {
  steps.forEach((step, i) => {
    const path = `${base}.${i}`;
    for (const key of SUB_ACCOUNT_INPUTS) {
      const v = step.inputs?.[key];
      // A {{script}} is only known at run time; the step checks what it computes then.
      if ((typeof v === 'string' && v.trim() && !hasTemplate(v)) || typeof v === 'number')
        out.push({ id: String(v).trim(), path: `${path}.inputs.${key}`, stepId: step.id });
    }
    step.do?.forEach((seq, j) => literalIds(seq, `${path}.do.${j}`, out));
  });
}

/**
 * Every subaccount a workflow names must be the account's own: the workflow's (404 as before, like any
 * other id of another tenant) and each one a step names literally (400 1005 naming the step).
 */
export async function checkWorkflowTenancy(db: Db, accountId: string, body: WorkflowBody): Promise<void> {
  await findSubAccount(db, accountId, body.subAccountId);
  const named: Named[] = [];
  literalIds(body.definition.steps, 'definition.steps', named);
  if (!named.length) return;
  const ids = [...new Set(named.map((n) => n.id))];
  const owned = new Set((await db.subAccount.findMany({ where: { accountId, id: { in: ids } }, select: { id: true } })).map((s) => s.id));
  const issues: Issue[] = named
    .filter((n) => !owned.has(n.id))
    .map((n) => ({ path: n.path, message: `Step '${n.stepId}': subaccount '${n.id}' is not a subaccount of this account` }));
  if (issues.length) throw new ValidationError(`Invalid parameter(s): ${issues.map((i) => `'${i.path}'`).join(', ')}`, issues);
}
