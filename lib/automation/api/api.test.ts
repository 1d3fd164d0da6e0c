import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, createOtherTenant, seedDemoTenant } from '@/test/factories';
import { call } from '@/test/messaging-helpers';
import { referenceExample } from '@/lib/automation/examples/reference-examples';
import * as workflows from '@/app/api/v1/accounts/[accountId]/workflows/route';
import * as workflow from '@/app/api/v1/accounts/[accountId]/workflows/[id]/route';
import * as instances from '@/app/api/v1/accounts/[accountId]/workflows/instances/route';
import * as instance from '@/app/api/v1/accounts/[accountId]/workflows/instances/[workflowId]/route';
import * as errors from '@/app/api/v1/accounts/[accountId]/workflows/instances/[workflowId]/errors/route';
import * as trigger from '@/app/api/v1/accounts/[accountId]/triggers/http_request/route';
import * as timezones from '@/app/api/v1/accounts/[accountId]/steps/timezones/route';

const base = '/api/v1/accounts/acme_corp';
const P = { accountId: 'acme_corp' };

async function settle(id: string) {
  for (let i = 0; i < 100; i++) {
    const r = await call(instance.GET, 'GET', `${base}/workflows/instances/${id}`, { ...P, workflowId: id });
    if (r.json.status !== 'running') return r;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('instance did not settle');
}

beforeAll(async () => {
  await seedDemoTenant();
});

describe('workflows API', () => {
  it('creates every reference example verbatim, reads, updates and deletes', async () => {
    for (const name of ['chat-apps-auto-reply', 'sms-auto-reply', 'keyword-detection', 'menu-wait-for-reply'] as const) {
      const r = await call(workflows.POST, 'POST', `${base}/workflows`, P, referenceExample(name));
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({ id: expect.any(String), version: 1, trigger: referenceExample(name).trigger });
    }
    // Out of Office sends its Indonesian reply from the docs' own 'InternalDemoCPaaS_ChatApps', which is
    // not a subaccount of this account: refused naming the step, and saved once it names one of ours.
    const ooo = await call(workflows.POST, 'POST', `${base}/workflows`, P, referenceExample('out-of-office'));
    expect(ooo.status).toBe(400);
    expect(ooo.json).toMatchObject({
      code: 1005,
      errors: [
        {
          path: 'definition.steps.1.do.0.0.inputs.subAccountId',
          message: "Step 'message_from_ID_out_of_business_hours': subaccount 'InternalDemoCPaaS_ChatApps' is not a subaccount of this account",
        },
      ],
    });
    const ours = JSON.parse(JSON.stringify(referenceExample('out-of-office')).replace('InternalDemoCPaaS_ChatApps', 'acme_corp_chatapps'));
    expect((await call(workflows.POST, 'POST', `${base}/workflows`, P, ours)).status).toBe(201);
    const list = await call(workflows.GET, 'GET', `${base}/workflows?trigger=inbound_sms`, P);
    expect(list.json.map((w: { definition: { name: string } }) => w.definition.name).sort()).toEqual(['Auto Reply SMS', 'Promo_register']);

    const created = await call(workflows.POST, 'POST', `${base}/workflows`, P, referenceExample('sms-auto-reply'));
    const id = created.json.id;
    const body = { ...referenceExample('sms-auto-reply'), status: 'disabled' };
    const put = await call(workflow.PUT, 'PUT', `${base}/workflows/${id}`, { ...P, id }, body);
    expect(put.json).toMatchObject({ id, version: 2, publishedVersion: 2, status: 'disabled' });
    const v1 = await call(workflow.GET, 'GET', `${base}/workflows/${id}?version=1`, { ...P, id });
    expect(v1.json).toMatchObject({ version: 1, status: 'disabled' });
    const del = await workflow.DELETE(
      new Request(`http://localhost${base}/workflows/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${DEMO_API_KEY}` } }),
      { params: Promise.resolve({ ...P, id }) },
    );
    expect(del.status).toBe(204);
    expect((await call(workflow.GET, 'GET', `${base}/workflows/${id}`, { ...P, id })).status).toBe(404);
  });

  it('answers 400 with every problem named', async () => {
    const r = await call(workflows.POST, 'POST', `${base}/workflows`, P, {
      subAccountId: 'acme_corp',
      trigger: 'http_request',
      definition: {
        name: 'bad',
        steps: [
          { id: 'a', stepType: 'Wait', inputs: { duration: 'later' }, nextStepId: 'zzz' },
          { id: 'a', stepType: 'Teleport' },
        ],
      },
    });
    expect(r.status).toBe(400);
    expect(r.json.code).toBe(1005);
    expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['definition.steps.0.inputs.duration', 'definition.steps.0.nextStepId', 'definition.steps.1.id', 'definition.steps.1.stepType']),
    );
    expect((await call(workflows.POST, 'POST', `${base}/workflows`, P, '{nope')).status).toBe(400);
  });

  it('takes enum values in any case, in bodies and in query filters', async () => {
    const r = await call(workflows.POST, 'POST', `${base}/workflows`, P, { ...referenceExample('sms-auto-reply'), trigger: 'INBOUND_SMS', status: 'Disabled' });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ trigger: 'inbound_sms', status: 'disabled' });
    const list = await call(workflows.GET, 'GET', `${base}/workflows?status=DISABLED&trigger=Inbound_SMS`, P);
    expect(list.json.map((w: { id: string }) => w.id)).toContain(r.json.id);
    expect((await call(instances.GET, 'GET', `${base}/workflows/instances?status=Failed`, P)).status).toBe(200);
    expect((await call(workflows.GET, 'GET', `${base}/workflows?status=paused`, P)).json).toMatchObject({ code: 1005, errors: [{ path: 'status' }] });
  });

  it('keeps tenants apart', async () => {
    const other = await createOtherTenant();
    const mine = await call(workflows.POST, 'POST', `${base}/workflows`, P, referenceExample('sms-auto-reply'));
    const r = await call(
      workflow.GET,
      'GET',
      `/api/v1/accounts/${other.accountId}/workflows/${mine.json.id}`,
      { accountId: other.accountId, id: mine.json.id },
      undefined,
      other.apiKey,
    );
    expect(r.status).toBe(404);
    expect((await call(workflows.GET, 'GET', `${base}/workflows`, P, undefined, other.apiKey)).status).toBe(404);
    expect((await call(workflows.GET, 'GET', `${base}/workflows`, P, undefined, 'wrong')).status).toBe(401);
  });
});

describe('http_request trigger and instances API', () => {
  it('starts http_request workflows with the body as data, lists instances and errors', async () => {
    const wf = await call(workflows.POST, 'POST', `${base}/workflows`, P, {
      subAccountId: 'acme_corp_chatapps',
      trigger: 'http_request',
      status: 'enabled',
      definition: {
        name: 'price alert',
        steps: [
          { id: 'check', stepType: 'Branch', selectNextStep: { sms: "{{data.price == '10'}}", broken: null } },
          { id: 'sms', stepType: 'SMS', inputs: { subAccountId: 'acme_corp', destination: '+6591234567', text: 'Your {{data.item}} costs {{data.price}}' } },
          { id: 'broken', stepType: 'SMS', inputs: { subAccountId: 'acme_corp', destination: 'not-a-number', text: 'x' } },
        ],
      },
    });
    expect(wf.status).toBe(201);
    const ok = await call(trigger.POST, 'POST', `${base}/triggers/http_request?subAccountId=acme_corp_chatapps`, P, { price: '10', item: 'vacuum' });
    expect(ok.status).toBe(202);
    expect(ok.json.workflowIds).toHaveLength(1);
    const done = await settle(ok.json.workflowIds[0]);
    expect(done.json).toMatchObject({ status: 'completed', definitionId: wf.json.id, data: { price: '10', item: 'vacuum' } });
    expect(done.json.steps.map((s: { stepId: string }) => s.stepId)).toEqual(['check', 'sms']);
    expect(done.json.steps[1]).toMatchObject({
      stepType: 'SMS',
      status: 'completed',
      inputs: { text: 'Your vacuum costs 10' },
      outputs: { umid: expect.any(String) },
    });

    const bad = await call(trigger.POST, 'POST', `${base}/triggers/http_request?subAccountId=acme_corp_chatapps`, P, { price: '99' });
    const failed = await settle(bad.json.workflowIds[0]);
    expect(failed.json.status).toBe('failed');
    const errs = await call(errors.GET, 'GET', `${base}/workflows/instances/${bad.json.workflowIds[0]}/errors`, { ...P, workflowId: bad.json.workflowIds[0] });
    expect(errs.json).toEqual([
      { stepId: 'broken', message: expect.stringMatching(/^Failed to send SMS message because Invalid MSISDN/), timestamp: expect.any(String) },
    ]);

    const list = await call(instances.GET, 'GET', `${base}/workflows/instances?definitionId=${wf.json.id}&limit=10`, P);
    expect(list.json.map((i: { status: string }) => i.status)).toEqual(['failed', 'completed']);
    expect(Object.keys(list.json[0]).sort()).toEqual(['createdAt', 'definitionId', 'status', 'updatedAt', 'workflowId']);
    expect(
      (await call(instances.GET, 'GET', `${base}/workflows/instances?status=failed`, P)).json.every((i: { status: string }) => i.status === 'failed'),
    ).toBe(true);
    expect((await call(instances.GET, 'GET', `${base}/workflows/instances?status=sleeping`, P)).status).toBe(400);
    expect((await call(trigger.POST, 'POST', `${base}/triggers/http_request`, P, {})).status).toBe(400);
    expect((await call(trigger.POST, 'POST', `${base}/triggers/http_request?subAccountId=nope`, P, {})).status).toBe(404);
  });

  it('lists time zones', async () => {
    const r = await call(timezones.GET, 'GET', `${base}/steps/timezones?contains=europe`, P);
    expect(r.status).toBe(200);
    // The reference's example response, verbatim (its fields and order included).
    expect(JSON.stringify(r.json)).toBe(
      JSON.stringify([
        { id: 'Central Europe Standard Time', name: 'Belgrade, Bratislava, Budapest, Ljubljana, Prague (UTC+01:00)' },
        { id: 'Central European Standard Time', name: 'Sarajevo, Skopje, Warsaw, Zagreb (UTC+01:00)' },
        { id: 'E. Europe Standard Time', name: 'Chisinau (UTC+02:00)' },
        { id: 'W. Europe Standard Time', name: 'Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna (UTC+01:00)' },
      ]),
    );
  });
});
