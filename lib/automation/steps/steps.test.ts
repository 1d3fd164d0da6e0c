import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { startWorkflows } from '@/lib/automation/runner/start-instance';
import { claimWaiting, cancelInstance, retryInstance } from '@/lib/automation/runner/resume-instance';
import { runDueWork, pruneFinishedInstances } from '@/lib/automation/runner/due-work';
import { publishWorkflow, setWorkflowStatus, updateWorkflow } from '@/lib/automation/workflows';
import { decideInboundRouting, followInboundRouting, routeDtmfToAutomation } from '@/lib/automation/route-inbound';
import { dialectOf, write } from '@/lib/db/tx';
import { httpWorkflow, inbound, outbound, stepsOf, textOf } from '@/test/automation-helpers';
import { assertPublicUrl } from '@/lib/net/assert-public-url';
import { isBlockedAddress as isPrivateAddress } from '@/lib/net/is-blocked-address';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

let server: http.Server;
let baseUrl = '';
const seen: { url: string; method: string; body: string }[] = [];

beforeAll(async () => {
  await seedDemoTenant();
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', method: req.method ?? '', body });
      if (req.url?.startsWith('/slow')) return; // never answers
      if (req.url?.startsWith('/text')) return res.end('plain words');
      if (req.url?.startsWith('/deep')) {
        res.setHeader('content-type', 'application/json');
        return res.end(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ echo: body ? JSON.parse(body) : null, url: req.url }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(async () => {
  await db.workflow.updateMany({ data: { status: 'disabled' } });
});

async function run(steps: unknown[], data: Record<string, unknown> = {}) {
  const wf = await httpWorkflow(steps);
  const [id] = await startWorkflows(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', trigger: 'http_request' }, data);
  const inst = await db.workflowInstance.findUniqueOrThrow({ where: { id } });
  await setWorkflowStatus(db, 'acme_corp', wf.id, 'disabled', SYSTEM_ACTOR);
  return { wf, inst, steps: await stepsOf(id) };
}

describe('SMS and ChatAppsMessage', () => {
  it('send through the pipeline once per visit, and fail with the 8x8 wording', async () => {
    const ok = await run(
      [{ id: 's', stepType: 'SMS', inputs: { destination: '+6591110001', text: 'hi {{data.name}}' }, outputs: { smsUmid: '{{step.umid}}' } }],
      { name: 'Ann' },
    );
    expect(ok.inst.status).toBe('completed');
    const [msg] = await outbound({ workflowId: ok.inst.id });
    expect(textOf(msg)).toBe('hi Ann');
    expect((ok.inst.data as { smsUmid: string }).smsUmid).toBe(msg.id);
    expect(msg.clientMessageId).toBe(`wf:${ok.inst.id}:s:1`);

    const bad = await run([
      { id: 'c', stepType: 'ChatAppsMessage', inputs: { subAccountId: 'acme_corp_chatapps', user: {}, type: 'text', content: { text: 'x' } } },
    ]);
    expect(bad.inst.status).toBe('failed');
    expect(bad.inst.error).toMatch(/^Failed to send chat apps message because /);
    expect(bad.steps[0]).toMatchObject({ status: 'failed', stepId: 'c' });
  });
});

describe('HttpRequest', () => {
  it('sends JSON with parameters and parses a JSON answer', async () => {
    const r = await run(
      [
        {
          id: 'h',
          stepType: 'HttpRequest',
          inputs: { url: `${baseUrl}/api`, method: 'POST', parameters: { q: '{{data.q}}' }, body: { n: 1, who: "{{'x' + data.q}}" } },
          outputs: { code: '{{step.responseCode}}', echoed: '{{step.responseBody.echo.who}}' },
        },
        { id: 't', stepType: 'HttpRequest', inputs: { url: `${baseUrl}/text`, method: 'GET' }, outputs: { text: '{{step.responseBody}}' } },
      ].map((s, i, all) => (i < all.length - 1 ? { ...s, nextStepId: all[i + 1].id } : s)),
      { q: 'y' },
    );
    expect(r.inst.status).toBe('completed');
    expect(r.inst.data).toMatchObject({ code: 200, echoed: 'xy', text: 'plain words' });
    expect(seen.find((s) => s.url === '/api?q=y')).toMatchObject({ method: 'POST', body: JSON.stringify({ n: 1, who: 'xy' }) });
  });

  it('keeps an answer nested too deep to store as text, and the workflow goes on', async () => {
    const r = await run([
      {
        id: 'd',
        stepType: 'HttpRequest',
        inputs: { url: `${baseUrl}/deep`, method: 'GET' },
        outputs: { kind: '{{typeof step.responseBody}}', size: '{{step.responseBody.length}}' },
        nextStepId: 'w',
      },
      { id: 'w', stepType: 'Wait', inputs: { duration: '00:10:00' } },
    ]);
    expect(r.inst).toMatchObject({ status: 'waiting', data: { kind: 'string', size: 20_000 * 6 + 1 } });
    expect(seen.filter((s) => s.url === '/deep')).toHaveLength(1);
  });

  it('fails on timeout and on refused private addresses', async () => {
    const started = Date.now();
    const r = await run([{ id: 'slow', stepType: 'HttpRequest', inputs: { url: `${baseUrl}/slow`, method: 'GET', timeoutSeconds: 1 } }]);
    expect(r.inst.status).toBe('failed');
    expect(r.inst.error).toMatch(/^Call failed\. no answer within 1 s/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(isPrivateAddress('169.254.169.254')).toBe(true);
    expect(isPrivateAddress('::ffff:10.0.0.1')).toBe(true);
    expect(isPrivateAddress('93.184.216.34')).toBe(false);
    await expect(assertPublicUrl(new URL('http://127.0.0.1:9/'), { allowPrivate: false })).rejects.toThrow(/not allowed/);
    await expect(assertPublicUrl(new URL('http://localhost/'), { allowPrivate: false })).rejects.toThrow(/not allowed/);
    await expect(assertPublicUrl(new URL('file:///etc/passwd'), { allowPrivate: false })).rejects.toThrow(/http and https/);
  });
});

describe('Wait, If, Branch, JumpTo', () => {
  it('Wait waits durably and goes on when due; a bad duration fails', async () => {
    const r = await run([
      { id: 'w', stepType: 'Wait', inputs: { duration: '0.00:01:00' }, nextStepId: 'j' },
      { id: 'j', stepType: 'JumpTo', nextStepId: 'end' },
      { id: 'end', stepType: 'Branch', selectNextStep: { x: '{{false}}' } },
      { id: 'x', stepType: 'JumpTo', nextStepId: 'end' },
    ]);
    expect(r.inst).toMatchObject({ status: 'waiting', waitKind: 'timer' });
    expect(r.inst.waitUntil!.getTime() - Date.now()).toBeGreaterThan(55_000);
    await runDueWork(db, new Date(Date.now() + 61_000));
    const after = await db.workflowInstance.findUniqueOrThrow({ where: { id: r.inst.id } });
    expect(after.status).toBe('completed');
    expect((await stepsOf(r.inst.id)).map((s) => `${s.stepId}:${s.status}`)).toEqual(['w:completed', 'j:completed', 'end:completed']);

    const bad = await run([{ id: 'w', stepType: 'Wait', inputs: { duration: '{{data.d}}' } }], { d: 'soon' });
    expect(bad.inst.error).toMatch(/Invalid duration 'soon'/);
  });

  it('If runs each do sequence in order, then its own next step; false skips them', async () => {
    const steps = [
      {
        id: 'if',
        stepType: 'If',
        inputs: { condition: '{{data.go}}' },
        do: [
          [
            { id: 'a1', stepType: 'JumpTo', nextStepId: 'a2' },
            { id: 'a2', stepType: 'Branch', selectNextStep: { a3: '{{true}}' } },
            { id: 'a3', stepType: 'JumpTo', nextStepId: 'a2b' },
            { id: 'a2b', stepType: 'Branch', selectNextStep: { zz: null } },
          ],
          [
            { id: 'b1', stepType: 'Branch', selectNextStep: { b2: null } },
            { id: 'b2', stepType: 'If', inputs: { condition: '{{true}}' }, do: [[{ id: 'c1', stepType: 'Branch', selectNextStep: { none: null } }]] },
          ],
        ],
        nextStepId: 'after',
      },
      { id: 'after', stepType: 'Branch', selectNextStep: { done: null } },
      { id: 'done', stepType: 'JumpTo', nextStepId: 'after2' },
      { id: 'after2', stepType: 'Branch', selectNextStep: { finished: null } },
    ];
    const yes = await run(steps, { go: true });
    expect(yes.inst.status).toBe('completed');
    expect(yes.steps.map((s) => s.stepId)).toEqual(['if', 'a1', 'a2', 'a3', 'a2b', 'b1', 'b2', 'c1', 'after', 'done', 'after2']);
    const no = await run(steps, { go: false });
    expect(no.steps.map((s) => s.stepId)).toEqual(['if', 'after', 'done', 'after2']);
  });

  it('a failing script fails the step with the reason, and escapes fail within the deadline', async () => {
    const r = await run([
      { id: 'b', stepType: 'Branch', selectNextStep: { x: '{{data.missing.deeper}}' } },
      { id: 'x', stepType: 'JumpTo', nextStepId: 'b' },
    ]);
    expect(r.inst.status).toBe('failed');
    expect(r.inst.error).toMatch(/^Failed to evaluate the expression\. Error: TypeError/);
    const started = Date.now();
    const loop = await run([
      { id: 'b', stepType: 'Branch', selectNextStep: { x: '{{(() => { for (;;) {} })()}}' } },
      { id: 'x', stepType: 'JumpTo', nextStepId: 'b' },
    ]);
    expect(loop.inst.error).toMatch(/took longer than 500 ms/);
    const escaped = await run([
      { id: 'b', stepType: 'Branch', selectNextStep: { x: "{{this.constructor.constructor('return process')().exit(1)}}" } },
      { id: 'x', stepType: 'JumpTo', nextStepId: 'b' },
    ]);
    expect(escaped.inst.error).toMatch(/process/);
    expect(Date.now() - started).toBeLessThan(5000);
    const fine = await run([{ id: 's', stepType: 'SMS', inputs: { destination: '+6591110002', text: 'still here' } }]);
    expect(fine.inst.status).toBe('completed');
  });

  it('stops an endless JumpTo loop at the steps-per-instance cap', async () => {
    const r = await run([
      { id: 'a', stepType: 'JumpTo', nextStepId: 'b' },
      { id: 'b', stepType: 'JumpTo', nextStepId: 'a' },
    ]);
    expect(r.inst.status).toBe('failed');
    expect(r.inst.error).toMatch(/ran 1000 steps/);
    expect(r.steps).toHaveLength(1001);
  }, 60_000);
});

describe('WaitForReply, VoiceMessage, WaitForDTMF, SendToConverse', () => {
  it('settles a reply and its timeout with one compare-and-swap', async () => {
    const r = await run([
      { id: 'w', stepType: 'WaitForReply', inputs: { from: '+6591110003', channel: 'whatsapp', timeout: '00:00:01' }, outputs: { got: '{{step.reply}}' } },
    ]);
    expect(r.inst).toMatchObject({ status: 'waiting', waitKind: 'reply', waitKey: 'acme_corp|whatsapp|6591110003' });
    const wins = await Promise.all([claimWaiting(db, r.inst, { kind: 'timeout' }), claimWaiting(db, r.inst, { kind: 'reply', event: { x: 1 } })]);
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('calls, waits for the key press by request id or number, and times out', async () => {
    const steps = [
      {
        id: 'call',
        stepType: 'VoiceMessage',
        inputs: {
          subaccountId: 'acme_corp',
          clientRequestId: '{{data.rid}}',
          action: 'say&capture',
          params: { destination: '{{data.to}}', text: 'Press 1 or 2' },
        },
        nextStepId: 'dtmf',
      },
      {
        id: 'dtmf',
        stepType: 'WaitForDTMF',
        inputs: { dtmfRequestId: '{{data.rid}}', timeout: '00:02:00' },
        outputs: { dtmf: '{{step.dtmfData == null ? null : step.dtmfData.actionDetails.dtmf}}' },
        selectNextStep: { one: "{{data.dtmf == '1'}}", no_reply: '{{data.dtmf == null}}', other: null },
      },
      { id: 'one', stepType: 'SMS', inputs: { destination: '{{data.to}}', text: 'You chose 1' } },
      { id: 'no_reply', stepType: 'SMS', inputs: { destination: '{{data.to}}', text: 'No answer' } },
      { id: 'other', stepType: 'SMS', inputs: { destination: '{{data.to}}', text: 'Other' } },
    ];
    const a = await run(steps, { rid: 'req-a', to: '+6591110004' });
    expect(a.inst).toMatchObject({ status: 'waiting', waitKind: 'dtmf', waitKey: 'req-a' });
    expect((await outbound({ workflowId: a.inst.id }))[0]).toMatchObject({ channel: 'voice' });
    expect(
      await routeDtmfToAutomation(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', destination: '+6591110004', dtmf: '1', clientRequestId: 'req-a' }),
    ).toMatchObject({ resumed: 1 });
    expect((await outbound({ workflowId: a.inst.id })).map(textOf)).toEqual(['Press 1 or 2', 'You chose 1']);

    const b = await run(steps, { rid: 'req-b', to: '+6591110005' });
    expect(await routeDtmfToAutomation(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', destination: '+6591110005', dtmf: '7' })).toMatchObject({
      resumed: 1,
    });
    expect((await outbound({ workflowId: b.inst.id })).map(textOf).at(-1)).toBe('Other');

    const c = await run(steps, { rid: 'req-c', to: '+6591110006' });
    await runDueWork(db, new Date(Date.now() + 3 * 60_000));
    expect((await outbound({ workflowId: c.inst.id })).map(textOf).at(-1)).toBe('No answer');
  });

  it('SendToConverse hands the conversation to agents: its messages start nothing', async () => {
    const wf = await updateAutoReply();
    const from = '+6591110007';
    await inbound({ subAccountId: 'acme_corp', channel: 'whatsapp', msisdn: from, text: 'agent please' });
    const ticket = await db.converseTicket.findFirst({ where: { msisdn: from } });
    expect(ticket).toMatchObject({ subAccountId: 'acme_corp', channel: 'whatsapp', status: 'queued', definitionId: wf, workflowId: expect.any(String) });
    const before = await db.workflowInstance.count({ where: { definitionId: wf } });
    const routing = await write(db, (t) =>
      decideInboundRouting(t, {
        accountId: 'acme_corp',
        subAccountId: 'acme_corp',
        channel: 'whatsapp',
        channelId: null,
        umid: 'u',
        msisdn: from,
        event: {},
      }),
    );
    const r = await followInboundRouting(db, routing);
    expect(r).toEqual({ resumed: 0, started: 0, toConverse: true });
    expect(await db.workflowInstance.count({ where: { definitionId: wf } })).toBe(before);
    await setWorkflowStatus(db, 'acme_corp', wf, 'disabled', SYSTEM_ACTOR);
  });

  it('an inbound whose automation cannot start is still stored, with nothing half-started', async () => {
    const wf = await updateAutoReply();
    const refuse = REFUSE_INSTANCES[dialectOf(db)];
    for (const sql of refuse.create) await write(db, (t) => t.run(sql));
    try {
      const { umid } = await inbound({ subAccountId: 'acme_corp', channel: 'whatsapp', msisdn: '+6591110099', text: 'hello?' });
      expect(await db.message.findUnique({ where: { id: umid } })).toMatchObject({ direction: 'inbound', msisdn: '+6591110099' });
      expect(await db.conversationWindow.count({ where: { msisdn: '+6591110099' } })).toBe(1);
      expect(await db.workflowInstance.count({ where: { definitionId: wf } })).toBe(0);
    } finally {
      for (const sql of refuse.drop) await write(db, (t) => t.run(sql));
      await setWorkflowStatus(db, 'acme_corp', wf, 'disabled', SYSTEM_ACTOR);
    }
  });
});

// A trigger that fails every new instance (on PostgreSQL an ordinary one: the database is this file's own).
const REFUSE_INSTANCES = {
  sqlite: {
    create: [`CREATE TEMP TRIGGER refuse_instances BEFORE INSERT ON WorkflowInstance BEGIN SELECT RAISE(ABORT, 'no instances today'); END`],
    drop: ['DROP TRIGGER refuse_instances'],
  },
  postgres: {
    create: [
      `CREATE FUNCTION refuse_instances() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''no instances today''; END'`,
      'CREATE TRIGGER refuse_instances BEFORE INSERT ON "WorkflowInstance" FOR EACH ROW EXECUTE FUNCTION refuse_instances()',
    ],
    drop: ['DROP TRIGGER refuse_instances ON "WorkflowInstance"', 'DROP FUNCTION refuse_instances()'],
  },
};

async function updateAutoReply(): Promise<string> {
  const { createWorkflow } = await import('@/lib/automation/workflows');
  const wf = await createWorkflow(
    db,
    'acme_corp',
    {
      subAccountId: 'acme_corp',
      trigger: 'inbound_chat_apps',
      status: 'enabled',
      definition: { name: 'to agents', steps: [{ id: 'handoff', stepType: 'SendToConverse' }] },
    },
    { actor: SYSTEM_ACTOR },
  );
  return wf.id;
}

describe('versions, cancel, retry, retention', () => {
  it('a waiting instance stays on the version it started with', async () => {
    const steps = (text: string) => [
      { id: 'w', stepType: 'Wait', inputs: { duration: '00:00:30' }, nextStepId: 's' },
      { id: 's', stepType: 'SMS', inputs: { destination: '+6591110008', text } },
    ];
    const wf = await httpWorkflow(steps('v1'));
    const [id] = await startWorkflows(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', trigger: 'http_request' }, {});
    await updateWorkflow(
      db,
      'acme_corp',
      wf.id,
      { subAccountId: 'acme_corp', trigger: 'http_request', status: 'enabled', definition: { name: 'test', steps: steps('v2') } },
      { actor: SYSTEM_ACTOR },
    );
    await publishWorkflow(db, 'acme_corp', wf.id, { actor: SYSTEM_ACTOR });
    await runDueWork(db, new Date(Date.now() + 31_000));
    expect((await outbound({ workflowId: id })).map(textOf)).toEqual(['v1']);
    await setWorkflowStatus(db, 'acme_corp', wf.id, 'disabled', SYSTEM_ACTOR);
  });

  it('cancels a waiting instance and retries a failed one from its failed step', async () => {
    // The subaccount is computed by a script: a literal one that does not exist yet could not be saved.
    const w = await run([{ id: 'w', stepType: 'Wait', inputs: { duration: '1' } }]);
    await cancelInstance(db, 'acme_corp', w.inst.id, SYSTEM_ACTOR);
    expect(await db.workflowInstance.findUniqueOrThrow({ where: { id: w.inst.id } })).toMatchObject({ status: 'cancelled' });
    await expect(cancelInstance(db, 'acme_corp', w.inst.id, SYSTEM_ACTOR)).rejects.toThrow(/Only a waiting instance/);

    const f = await run([
      { id: 'pre', stepType: 'SMS', inputs: { destination: '+6591110009', text: 'before' }, nextStepId: 'c' },
      {
        id: 'c',
        stepType: 'ChatAppsMessage',
        inputs: { subAccountId: "{{'later' + '_sub'}}", user: { msisdn: '+6591110009' }, type: 'text', content: { text: 'hi' } },
      },
    ]);
    expect(f.inst).toMatchObject({ status: 'failed', currentStepId: 'c' });
    await db.subAccount.create({
      data: {
        id: 'later_sub',
        accountId: 'acme_corp',
        name: 'Later',
        channels: { create: [{ id: 'later_wa', kind: 'whatsapp', name: 'WA', address: '+15550009999' }] },
      },
    });
    await retryInstance(db, 'acme_corp', f.inst.id, SYSTEM_ACTOR);
    const after = await db.workflowInstance.findUniqueOrThrow({ where: { id: f.inst.id } });
    expect(after.status).toBe('completed');
    expect((await stepsOf(f.inst.id)).map((s) => `${s.stepId}:${s.status}`)).toEqual(['pre:completed', 'c:failed', 'c:completed']);
    expect((await outbound({ workflowId: f.inst.id })).map(textOf)).toEqual(['before', 'hi']);
  });

  it('prunes instances finished before the retention period', async () => {
    const r = await run([{ id: 'j', stepType: 'Branch', selectNextStep: { none: null } }]);
    await db.workflowInstance.update({ where: { id: r.inst.id }, data: { finishedAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect(await pruneFinishedInstances(db)).toBeGreaterThanOrEqual(1);
    expect(await db.workflowInstance.findUnique({ where: { id: r.inst.id } })).toBeNull();
    expect(await db.workflowStepRun.count({ where: { instanceId: r.inst.id } })).toBe(0);
  });
});
