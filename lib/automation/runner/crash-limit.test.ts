import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { seedDemoTenant } from '@/test/factories';
import { setWorkflowStatus } from '@/lib/automation/workflows';
import { listInstanceErrors } from '@/lib/automation/instances/read-instances';
import { EXECUTORS } from '@/lib/automation/steps';
import { httpClient } from '@/lib/automation/steps/http-request';
import { MAX_CRASHES } from './crash-limit';
import { runDueWork } from './due-work';
import { retryInstance } from './resume-instance';
import { runInstance } from './run-instance';
import { createInstance, runSafely } from './start-instance';
import { httpWorkflow, outbound, stepsOf, textOf } from '@/test/automation-helpers';
import { TransientError } from './types';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

const realFetch = httpClient.fetch;
const realHttpRequest = EXECUTORS.HttpRequest.run;
let requests = 0;
/** Called inside each request, as the request's outside effect happens. */
let duringRequest: (n: number) => Promise<void> = async () => {};

beforeAll(async () => {
  await seedDemoTenant();
});
beforeEach(() => {
  requests = 0;
  duringRequest = async () => {};
  httpClient.fetch = async () => {
    await duringRequest(++requests);
    return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
  };
});
afterEach(async () => {
  httpClient.fetch = realFetch;
  EXECUTORS.HttpRequest.run = realHttpRequest;
  await db.workflow.updateMany({ data: { status: 'disabled' } });
  // No test's instance left for the next test's background pass to take over.
  await db.workflowInstance.updateMany({ where: { status: 'running' }, data: { status: 'cancelled', leaseOwner: null, leaseUntil: null } });
});

const call = (id: string, nextStepId?: string) => ({
  id,
  stepType: 'HttpRequest',
  inputs: { url: `http://127.0.0.1:9/${id}`, method: 'GET' },
  ...(nextStepId ? { nextStepId } : {}),
});
const sms = (id: string, text: string) => ({ id, stepType: 'SMS', inputs: { destination: '+6591130001', text } });

/** A stored instance leased to this runner, not yet run. */
async function leasedInstance(steps: unknown[]): Promise<string> {
  const wf = await httpWorkflow(steps);
  await setWorkflowStatus(db, 'acme_corp', wf.id, 'disabled', SYSTEM_ACTOR);
  return (await createInstance(db, { id: wf.id, accountId: 'acme_corp', subAccountId: 'acme_corp', trigger: 'http_request', publishedVersion: 1 }, {}))!;
}

const instance = (id: string) => db.workflowInstance.findUniqueOrThrow({ where: { id } });
/** When an instance let go of after a crash may run again: a lease period on. */
const afterLease = () => new Date(Date.now() + env.AUTOMATION_LEASE_MS + 1000);
/** The runner "dies" mid-request: its lease lapses with it still named, as a SIGKILL leaves it. */
const dieMidRequest = (id: string) =>
  db.workflowInstance.update({ where: { id }, data: { leaseOwner: 'dead-runner', leaseUntil: new Date(Date.now() - 1000) } });

describe('a step that crashes the runner', () => {
  it('fails the instance after MAX_CRASHES runs, its request sent that many times, and a retry runs the step again', async () => {
    // The request's answer carries a value that cannot be stored: every write after the request throws.
    EXECUTORS.HttpRequest.run = async (ctx) => {
      const out = await realHttpRequest(ctx);
      return out.kind === 'done' ? { ...out, results: { ...out.results, size: 10n } } : out;
    };
    const id = await leasedInstance([call('h', 'after'), sms('after', 'after the call')]);

    expect(await runSafely(db, id)).toBe('error');
    expect(await instance(id)).toMatchObject({
      status: 'running',
      currentStepId: 'h',
      crashCount: 1,
      crashError: expect.stringMatching(/BigInt/),
      leaseOwner: null,
    });
    // Let go of for a lease period, not retried at once.
    await runDueWork(db);
    expect(requests).toBe(1);
    for (let run = 2; run <= MAX_CRASHES; run++) await runDueWork(db, afterLease());
    expect(requests).toBe(MAX_CRASHES);

    const failed = await instance(id);
    expect(failed).toMatchObject({ status: 'failed', currentStepId: 'h', leaseOwner: null, leaseUntil: null });
    expect(failed.error).toMatch(
      new RegExp(
        `^The runner stopped ${MAX_CRASHES} times at step 'h' \\(last error: .*BigInt.*\\); the instance was failed so it does not run the step again$`,
      ),
    );
    expect(failed.finishedAt).not.toBeNull();
    expect((await stepsOf(id)).map((s) => `${s.seq}:${s.stepId}:${s.stepType}:${s.status}`)).toEqual(['1:h:HttpRequest:failed']);
    expect(await listInstanceErrors(db, 'acme_corp', id)).toEqual([{ stepId: 'h', message: failed.error, timestamp: expect.any(String) }]);
    // Failed means stopped: the background task no longer runs the step.
    await runDueWork(db, afterLease());
    expect(requests).toBe(MAX_CRASHES);
    expect(await outbound({ workflowId: id })).toEqual([]);

    // Fixed: a user retries it from the failed step, its count cleared.
    EXECUTORS.HttpRequest.run = realHttpRequest;
    await retryInstance(db, 'acme_corp', id, SYSTEM_ACTOR);
    expect(await instance(id)).toMatchObject({ status: 'completed', error: null, crashCount: 0, crashError: null });
    expect(requests).toBe(MAX_CRASHES + 1);
    expect((await stepsOf(id)).map((s) => `${s.seq}:${s.stepId}:${s.status}`)).toEqual(['1:h:failed', '2:h:completed', '3:after:completed']);
    expect((await outbound({ workflowId: id })).map(textOf)).toEqual(['after the call']);
  });

  it('retries a step that finds the database busy as often as it takes, never counting it as a crash', async () => {
    let busy = MAX_CRASHES + 1;
    EXECUTORS.HttpRequest.run = async (ctx) => {
      if (busy-- > 0) throw new TransientError('database is locked');
      return realHttpRequest(ctx);
    };
    const id = await leasedInstance([call('h', 'after'), sms('after', 'done')]);
    expect(await runInstance(db, id)).toBe('lost');
    for (let i = 0; i < MAX_CRASHES + 1; i++) {
      expect(await instance(id)).toMatchObject({ status: 'running', crashCount: 0, leaseOwner: null });
      // Let go of for half a second only.
      await runDueWork(db, new Date(Date.now() + 1000));
    }
    expect(await instance(id)).toMatchObject({ status: 'completed', crashCount: 0 });
    expect(requests).toBe(1);
    expect((await outbound({ workflowId: id })).map(textOf)).toEqual(['done']);
  });
});

describe('a runner that dies mid-step', () => {
  it('is taken over and the instance finishes, the count cleared, when the step then succeeds', async () => {
    const id = await leasedInstance([call('h', 'after'), sms('after', 'recovered')]);
    duringRequest = async (n) => {
      if (n < MAX_CRASHES) await dieMidRequest(id);
    };
    expect(await runInstance(db, id)).toBe('lost');
    await runDueWork(db);
    expect(await instance(id)).toMatchObject({ status: 'running', currentStepId: 'h', crashCount: 1 });
    await runDueWork(db);
    expect(await instance(id)).toMatchObject({ status: 'completed', crashCount: 0, crashError: null });
    expect(requests).toBe(MAX_CRASHES);
    expect((await stepsOf(id)).map((s) => `${s.seq}:${s.stepId}:${s.status}`)).toEqual(['1:h:completed', '2:after:completed']);
    expect((await outbound({ workflowId: id })).map(textOf)).toEqual(['recovered']);
  });

  it('fails the instance once MAX_CRASHES runs died at the same step, without running it again', async () => {
    const id = await leasedInstance([call('h')]);
    duringRequest = () => dieMidRequest(id).then(() => {});
    expect(await runInstance(db, id)).toBe('lost');
    for (let takeover = 1; takeover <= MAX_CRASHES; takeover++) await runDueWork(db);
    expect(requests).toBe(MAX_CRASHES);
    const failed = await instance(id);
    expect(failed).toMatchObject({ status: 'failed', crashCount: MAX_CRASHES, leaseOwner: null });
    expect(failed.error).toBe(
      `The runner stopped ${MAX_CRASHES} times at step 'h' (its process ended or stalled mid-step, leaving no error); the instance was failed so it does not run the step again`,
    );
    expect((await stepsOf(id)).map((s) => `${s.seq}:${s.stepId}:${s.status}`)).toEqual(['1:h:failed']);
  });

  it('counts per step: storing a step outcome clears the count', async () => {
    const id = await leasedInstance([call('first', 'second'), call('second')]);
    // Dies in the first request, then in every request of the second step.
    duringRequest = async (n) => {
      if (n !== 2) await dieMidRequest(id);
    };
    expect(await runInstance(db, id)).toBe('lost');
    await runDueWork(db);
    expect(await instance(id)).toMatchObject({ status: 'running', currentStepId: 'second', crashCount: 0 });
    await runDueWork(db);
    expect(await instance(id)).toMatchObject({ status: 'running', currentStepId: 'second', crashCount: 1 });
  });
});
