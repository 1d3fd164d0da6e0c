import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { read, write } from '@/lib/db/tx';
import { seedDemoTenant } from '@/test/factories';
import { setWorkflowStatus } from '@/lib/automation/workflows';
import { httpClient } from '@/lib/automation/steps/http-request';
import { runDueWork } from './due-work';
import { CLAIM, claimAbandonedAndLoad } from './resume-instance';
import { createInstance } from './start-instance';
import { runInstance } from './run-instance';
import { httpWorkflow, outbound, stepsOf, textOf } from '@/test/automation-helpers';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

const realFetch = httpClient.fetch;

beforeAll(async () => {
  await seedDemoTenant();
});
afterEach(async () => {
  httpClient.fetch = realFetch;
  await db.workflow.updateMany({ data: { status: 'disabled' } });
});

async function leasedInstance(steps: unknown[], data: Record<string, unknown> = {}) {
  const wf = await httpWorkflow(steps);
  await setWorkflowStatus(db, 'acme_corp', wf.id, 'disabled', SYSTEM_ACTOR);
  const id = await createInstance(db, { id: wf.id, accountId: 'acme_corp', subAccountId: 'acme_corp', trigger: 'http_request', publishedVersion: 1 }, data);
  return id!;
}

describe('leases', () => {
  it('a runner that lost its lease mid-step stores nothing after it, and its next send is refused', async () => {
    const id = await leasedInstance([
      { id: 'call', stepType: 'HttpRequest', inputs: { url: 'http://127.0.0.1:9/x', method: 'GET' }, nextStepId: 'choose' },
      { id: 'choose', stepType: 'Branch', selectNextStep: { sms: '{{true}}' } },
      { id: 'sms', stepType: 'SMS', inputs: { destination: '+6591120001', text: 'after the call' } },
    ]);
    // While the request is out, another runner takes the instance over (as after a long stall).
    httpClient.fetch = async () => {
      await db.workflowInstance.update({ where: { id }, data: { leaseOwner: 'another-runner', leaseUntil: new Date(Date.now() + 60_000) } });
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    expect(await runInstance(db, id)).toBe('lost');
    expect(await stepsOf(id)).toEqual([]);
    expect(await db.workflowInstance.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'running',
      leaseOwner: 'another-runner',
      currentStepId: 'call',
      stepCount: 0,
    });
    expect(await outbound({ workflowId: id })).toEqual([]);
  });

  it('an instance whose runner died is taken over once, from the step it had reached', async () => {
    const id = await leasedInstance([
      { id: 'first', stepType: 'SMS', inputs: { destination: '+6591120002', text: 'one' }, nextStepId: 'second' },
      { id: 'second', stepType: 'SMS', inputs: { destination: '+6591120002', text: 'two' } },
    ]);
    // The dead runner had stored its first step and sent its message (same idempotency key).
    expect(await runInstance(db, id)).toBe('completed');
    await db.workflowInstance.update({
      where: { id },
      data: { status: 'running', currentStepId: 'second', stepCount: 1, finishedAt: null, leaseOwner: 'dead-runner', leaseUntil: new Date(Date.now() - 1000) },
    });
    await db.workflowStepRun.deleteMany({ where: { instanceId: id, seq: 2 } });
    await runDueWork(db);
    expect(await db.workflowInstance.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'completed', leaseOwner: null });
    expect((await stepsOf(id)).map((s) => `${s.seq}:${s.stepId}:${s.status}`)).toEqual(['1:first:completed', '2:second:completed']);
    // The second step's send was not repeated: the retried visit carries the same key.
    expect((await outbound({ workflowId: id })).map(textOf)).toEqual(['one', 'two']);
  });

  it('of two runners that saw the same expired lease, one takes the instance over', async () => {
    const id = await leasedInstance([{ id: 'only', stepType: 'SMS', inputs: { destination: '+6591120003', text: 'once' } }]);
    await db.workflowInstance.update({ where: { id }, data: { leaseOwner: 'dead-runner', leaseUntil: new Date(Date.now() - 1000) } });
    const seen = (await read(db, (t) => t.one<{ leaseUntil: string }>('SELECT "leaseUntil" FROM "WorkflowInstance" WHERE "id" = ?', id)))!;
    const claims = await Promise.all([1, 2].map(() => write(db, (t) => claimAbandonedAndLoad(t, { id, leaseUntil: seen.leaseUntil }), CLAIM)));
    const winner = claims.filter((c) => c !== null);
    expect(winner).toHaveLength(1);
    expect(winner[0]!.row).toMatchObject({ id, status: 'running', currentStepId: 'only' });
    expect(await runInstance(db, id, winner[0])).toBe('completed');
    expect((await outbound({ workflowId: id })).map(textOf)).toEqual(['once']);
  });
});
