import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { setWorkflowStatus } from '@/lib/automation/workflows';
import { startWorkflows } from './start-instance';
import { httpWorkflow } from '@/test/automation-helpers';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

const trigger = { accountId: 'acme_corp', subAccountId: 'acme_corp', trigger: 'http_request' };
/** A Branch whose only condition is `script`, false (or failing) ending the instance. */
const branchOn = (script: string) => [
  { id: 'b', stepType: 'Branch', selectNextStep: { x: script } },
  { id: 'x', stepType: 'JumpTo', nextStepId: 'b' },
];
const workflows: string[] = [];

beforeAll(async () => {
  await seedDemoTenant();
});
afterEach(async () => {
  for (const id of workflows.splice(0)) await setWorkflowStatus(db, 'acme_corp', id, 'disabled', SYSTEM_ACTOR);
});

describe('a failing script fails only its own step', () => {
  it('instances running beside and after one whose script overflows the stack complete', async () => {
    // Started together (the one that overflows first), they take turns between awaits.
    workflows.push((await httpWorkflow(branchOn('{{((f) => f(f))((f) => f(f))}}'), 'overflow')).id);
    for (let i = 0; i < 3; i++) workflows.push((await httpWorkflow(branchOn('{{data.n == 3}}'), `ordinary ${i}`)).id);
    const ids = await startWorkflows(db, trigger, { n: 2 });
    const after = await startWorkflows(db, trigger, { n: 2 });
    const instances = await db.workflowInstance.findMany({ where: { id: { in: [...ids, ...after] } } });
    const byId = new Map(instances.map((i) => [i.id, i]));
    for (const [i, id] of [...ids, ...after].entries()) {
      const inst = byId.get(id)!;
      if (i % 4 === 0)
        expect(inst).toMatchObject({
          status: 'failed',
          error: expect.stringMatching(/^Failed to evaluate the expression\. Error: the script overflowed the stack/),
        });
      else expect(inst).toMatchObject({ status: 'completed', error: null });
    }
  });
});
