import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { PayloadTooLargeError } from '@/lib/errors';
import { seedDemoTenant } from '@/test/factories';
import { setWorkflowStatus } from '@/lib/automation/workflows';
import { httpWorkflow, stepsOf } from '@/test/automation-helpers';
import { startWorkflows } from './start-instance';
import { MAX_INSTANCE_DATA_BYTES } from './data-cap';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

const where = { accountId: 'acme_corp', subAccountId: 'acme_corp', trigger: 'http_request' };

beforeAll(async () => {
  await seedDemoTenant();
  await db.workflow.updateMany({ data: { status: 'disabled' } });
});

describe("a workflow instance's data has a size cap", () => {
  it('refuses trigger data over the cap before storing any instance', async () => {
    const wf = await httpWorkflow([{ id: 'a', stepType: 'Wait', inputs: { duration: '00:00:01' } }]);
    const before = await db.workflowInstance.count({ where: { definitionId: wf.id } });
    const err = await startWorkflows(db, where, { blob: 'x'.repeat(MAX_INSTANCE_DATA_BYTES) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PayloadTooLargeError);
    expect((err as Error).message).toMatch(/^The trigger data is \d+ bytes; a workflow run's data can be at most 1048576 bytes$/);
    expect(await db.workflowInstance.count({ where: { definitionId: wf.id } })).toBe(before);
    await setWorkflowStatus(db, 'acme_corp', wf.id, 'disabled', SYSTEM_ACTOR);
  });

  it('fails the step whose outputs grow the data past the cap, with a clear error', async () => {
    const wf = await httpWorkflow([
      { id: 'grow', stepType: 'Branch', outputs: { s: "{{(data.s || 'x') + (data.s || 'x')}}" }, selectNextStep: { grow: null } },
    ]);
    const [id] = await startWorkflows(db, where, {});
    await setWorkflowStatus(db, 'acme_corp', wf.id, 'disabled', SYSTEM_ACTOR);
    const inst = await db.workflowInstance.findUniqueOrThrow({ where: { id } });
    expect(inst.status).toBe('failed');
    const failed = (await stepsOf(id)).at(-1)!;
    expect(failed).toMatchObject({ stepId: 'grow', status: 'failed' });
    expect(failed.error).toMatch(/^The step's outputs make the workflow's data \d+ bytes; it can be at most 1048576 bytes$/);
    // What is stored is the data before the step that overflowed it.
    expect(JSON.stringify(inst.data).length).toBeLessThanOrEqual(MAX_INSTANCE_DATA_BYTES);
  });
});
