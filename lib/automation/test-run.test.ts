import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createWorkflow } from '@/lib/automation/workflows';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { readInstancePath, startTestRun } from './test-run';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

const menu = JSON.parse(readFileSync(path.join(process.cwd(), 'lib/automation/graph/fixtures/menu-using-wait-for-reply.json'), 'utf8'));

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('editor test runs', () => {
  beforeAll(async () => {
    await seedDemoTenant();
  });

  it('runs the unpublished draft for a Simulator customer, resumes on the reply and reports the path', async () => {
    const wf = await createWorkflow(db, 'acme_corp', { ...menu, status: 'disabled' }, { actor: SYSTEM_ACTOR, publish: false });
    const { instanceId } = await startTestRun(db, 'acme_corp', { workflowId: wf.id, mode: 'inbound', msisdn: '+6591234567', text: 'Hi' });
    const waiting = await until(
      () => readInstancePath(db, 'acme_corp', instanceId),
      (p) => p.status === 'waiting',
    );
    expect(waiting).toMatchObject({ status: 'waiting', currentStepId: 'wait1', version: 1 });
    expect(waiting.steps.map((s) => s.stepId)).toEqual(['Hello', 'wait1']);
    expect(waiting.steps[0]!.inputs).toMatchObject({ user: { msisdn: '6591234567' } });

    await receiveInbound(db, {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp',
      channel: 'whatsapp',
      msisdn: '+6591234567',
      type: 'text',
      content: { text: '2' },
    });
    const done = await until(
      () => readInstancePath(db, 'acme_corp', instanceId),
      (p) => p.status === 'completed',
    );
    expect(done.status).toBe('completed');
    expect(done.steps.map((s) => s.stepId)).toEqual(['Hello', 'wait1', 'success', 'branch2']);
    expect(done.messages.map((m) => m.direction)).toEqual(['inbound', 'outbound', 'inbound', 'outbound']);
    expect(done.messages.some((m) => m.direction === 'outbound' && String((m.content as { text?: string }).text).includes('2️⃣'))).toBe(true);
  });

  it('runs an HTTP-triggered workflow with the body as data', async () => {
    const wf = await createWorkflow(
      db,
      'acme_corp',
      {
        subAccountId: 'acme_corp',
        trigger: 'http_request',
        status: 'disabled',
        definition: { name: 'http', steps: [{ id: 'b', stepType: 'Branch', selectNextStep: { end: null } }] },
      },
      { actor: SYSTEM_ACTOR, publish: false },
    );
    const { instanceId } = await startTestRun(db, 'acme_corp', { workflowId: wf.id, mode: 'http', body: { item: 'vacuum' } });
    const done = await until(
      () => readInstancePath(db, 'acme_corp', instanceId),
      (p) => p.status === 'completed',
    );
    expect(done.data).toMatchObject({ item: 'vacuum' });
  });

  it("does not show or start another tenant's workflows or runs", async () => {
    const other = await createOtherTenant();
    const wf = await createWorkflow(db, 'acme_corp', { ...menu, status: 'disabled' }, { actor: SYSTEM_ACTOR, publish: false });
    await expect(startTestRun(db, other.accountId, { workflowId: wf.id, mode: 'inbound', msisdn: '+6591234567' })).rejects.toThrow(/not found/);
    const { instanceId } = await startTestRun(db, 'acme_corp', { workflowId: wf.id, mode: 'inbound', msisdn: '+6591234568', text: 'x' });
    await expect(readInstancePath(db, other.accountId, instanceId)).rejects.toThrow(/not found/);
  });
});
