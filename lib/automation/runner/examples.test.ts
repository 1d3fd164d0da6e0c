import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { createWorkflow, setWorkflowStatus } from '@/lib/automation/workflows';
import { referenceExample } from '@/lib/automation/examples/reference-examples';
import { httpClient } from '@/lib/automation/steps/http-request';
import { runDueWork } from './due-work';
import { inbound, instancesOf, outbound, stepsOf, textOf } from '@/test/automation-helpers';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

const realFetch = httpClient.fetch;
let sequence = 0;
const nextMsisdn = (prefix: string, digits = 7) => `${prefix}${String(10 ** (digits - 1) + ++sequence)}`;

beforeAll(async () => {
  await seedDemoTenant();
});
afterEach(async () => {
  httpClient.fetch = realFetch;
  await db.workflow.updateMany({ data: { status: 'disabled' } });
});

describe('reference examples run as described', () => {
  it('Chat Apps auto reply answers every inbound WhatsApp message', async () => {
    const wf = await createWorkflow(db, 'acme_corp', referenceExample('chat-apps-auto-reply'), { actor: SYSTEM_ACTOR });
    const from = nextMsisdn('+659');
    const r = await inbound({ subAccountId: 'acme_corp_chatapps', channel: 'whatsapp', msisdn: from, text: 'hi' });
    const [inst] = await instancesOf(wf.id);
    expect(inst).toMatchObject({ status: 'completed', version: 1 });
    expect((inst.data as { payload: { umid: string } }).payload.umid).toBe(r.umid);
    const sent = await outbound({ msisdn: from });
    expect(sent.map(textOf)).toEqual(['Hello, thank you for your message!']);
    expect(sent[0]).toMatchObject({ subAccountId: 'acme_corp_chatapps', channel: 'whatsapp', workflowId: inst.id });
    const [run] = await stepsOf(inst.id);
    expect(run).toMatchObject({ stepId: 'send_CA', stepType: 'ChatAppsMessage', status: 'completed' });
    expect(run.inputs).toMatchObject({ user: { msisdn: from } });
    expect(run.outputs).toMatchObject({ umid: sent[0].id, status: 'queued' });
  });

  it('SMS auto reply answers the sender by SMS', async () => {
    await createWorkflow(db, 'acme_corp', referenceExample('sms-auto-reply'), { actor: SYSTEM_ACTOR });
    const from = nextMsisdn('+658');
    await inbound({ subAccountId: 'acme_corp', channel: 'sms', msisdn: from, text: 'hello' });
    const sent = await outbound({ msisdn: from });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: 'sms', subAccountId: 'acme_corp' });
    expect(textOf(sent[0])).toBe('Hello, thank you for your message!');
  });

  it('Out of Office branches on the country and the local time', async () => {
    // The docs send the Indonesian reply from their own 'InternalDemoCPaaS_ChatApps'; a workflow may only
    // name this account's subaccounts (cross-tenant-steps.test.ts), so it sends from ours.
    const ours = JSON.parse(JSON.stringify(referenceExample('out-of-office')).replace('InternalDemoCPaaS_ChatApps', 'acme_corp_chatapps'));
    const wf = await createWorkflow(db, 'acme_corp', ours, { actor: SYSTEM_ACTOR });
    // Philippines, 20:00 in Manila: out of hours, so the PH message goes out.
    const ph = nextMsisdn('+63917');
    await inbound({ subAccountId: 'acme_corp_chatapps', channel: 'whatsapp', msisdn: ph, text: 'hi', timestamp: new Date('2026-11-24T12:00:00Z') });
    expect((await outbound({ msisdn: ph })).map(textOf)).toEqual([expect.stringMatching(/^Kumusta/)]);
    // Philippines at 10:00 Manila: inside hours, nothing is sent and the instance completes.
    const ph2 = nextMsisdn('+63918');
    await inbound({ subAccountId: 'acme_corp_chatapps', channel: 'whatsapp', msisdn: ph2, text: 'hi', timestamp: new Date('2026-11-24T02:00:00Z') });
    expect(await outbound({ msisdn: ph2 })).toEqual([]);
    // Elsewhere: the default branch.
    const us = '+14155550142';
    await inbound({ subAccountId: 'acme_corp_chatapps', channel: 'whatsapp', msisdn: us, text: 'hi' });
    expect((await outbound({ msisdn: us })).map(textOf)).toEqual(['Hello, thanks for your message! We will get back to you as soon as possible.']);
    // Indonesia out of hours: the Indonesian message.
    const id = nextMsisdn('+62812', 8);
    await inbound({ subAccountId: 'acme_corp_chatapps', channel: 'whatsapp', msisdn: id, text: 'hi', timestamp: new Date('2026-11-24T13:00:00Z') });
    expect((await outbound({ msisdn: id })).map(textOf)).toEqual([expect.stringMatching(/^Halo, terima kasih/)]);
    const statuses = (await instancesOf(wf.id)).map((i) => i.status);
    expect(statuses).toEqual(['completed', 'completed', 'completed', 'completed']);
  });

  it('Keyword detection registers on "Register" and reports failures', async () => {
    await createWorkflow(db, 'acme_corp', referenceExample('keyword-detection'), { actor: SYSTEM_ACTOR });
    const calls: { url: string; body: unknown; auth: string | null }[] = [];
    let answer = 200;
    httpClient.fetch = async (url, init) => {
      calls.push({ url: String(url), body: JSON.parse(String(init?.body)), auth: new Headers(init?.headers).get('authorization') });
      return new Response(JSON.stringify({ ok: answer === 200 }), { status: answer, headers: { 'content-type': 'application/json' } });
    };
    const ok = nextMsisdn('+659');
    await inbound({ subAccountId: 'acme_corp', channel: 'sms', msisdn: ok, text: 'Register me please' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: 'https://sample.api.com/newrecord/',
      auth: 'Bearer 4f5b6f29654s36654xsvdc895b469dc0',
      body: { register: 1, user: `umid: ${ok}` },
    });
    expect((await outbound({ msisdn: ok })).map(textOf)).toEqual(['Hello, you are now registered, thanks !']);

    answer = 500;
    const bad = nextMsisdn('+658');
    await inbound({ subAccountId: 'acme_corp', channel: 'sms', msisdn: bad, text: 'Register' });
    expect((await outbound({ msisdn: bad })).map(textOf)).toEqual(['Hello, something went wrong, please try again later']);

    const other = nextMsisdn('+659');
    await inbound({ subAccountId: 'acme_corp', channel: 'sms', msisdn: other, text: 'what is this?' });
    expect(calls).toHaveLength(2);
    expect(await outbound({ msisdn: other })).toEqual([]);
  });

  it('Menu using WaitForReply waits for the choice, answers it, and times out', async () => {
    const wf = await createWorkflow(db, 'acme_corp', referenceExample('menu-wait-for-reply'), { actor: SYSTEM_ACTOR });
    const a = nextMsisdn('+658');
    const b = nextMsisdn('+659');
    await inbound({ subAccountId: 'acme_corp', channel: 'whatsapp', msisdn: a, text: 'hi' });
    await inbound({ subAccountId: 'acme_corp', channel: 'whatsapp', msisdn: b, text: 'hello' });
    let [ia, ib] = await instancesOf(wf.id);
    expect([ia.status, ib.status]).toEqual(['waiting', 'waiting']);
    expect((await outbound({ msisdn: a })).map(textOf)).toEqual([expect.stringMatching(/^Hello, 👋/)]);

    // The reply resumes the waiting instance instead of starting a new one.
    const r = await inbound({ subAccountId: 'acme_corp', channel: 'whatsapp', msisdn: a, text: '2' });
    ia = (await instancesOf(wf.id))[0];
    expect(await instancesOf(wf.id)).toHaveLength(2);
    expect(ia.status).toBe('completed');
    expect((ia.data as { reply1: { payload: { umid: string; content: { text: string } } } }).reply1.payload).toMatchObject({
      umid: r.umid,
      content: { text: '2' },
    });
    expect((await outbound({ msisdn: a })).map(textOf)[1]).toMatch(/^Thanks for choosing 2️⃣ Product Questions!/);
    expect((await stepsOf(ia.id)).map((s) => `${s.stepId}:${s.status}`)).toEqual([
      'Hello:completed',
      'wait1:completed',
      'success:completed',
      'branch2:completed',
    ]);

    // b never answers: after 5 minutes the timeout takes the failure branch.
    await runDueWork(db, new Date(Date.now() + 6 * 60_000));
    ib = (await instancesOf(wf.id))[1];
    expect(ib.status).toBe('completed');
    expect((ib.data as { reply1: unknown }).reply1).toBeNull();
    expect((await outbound({ msisdn: b })).map(textOf)[1]).toMatch(/^Ok if you don't reply/);
    await setWorkflowStatus(db, 'acme_corp', wf.id, 'disabled', SYSTEM_ACTOR);
  });
});
