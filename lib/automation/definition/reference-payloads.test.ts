import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate-definition';
import { REFERENCE_EXAMPLES, referenceExample } from '@/lib/automation/examples/reference-examples';

const REFERENCE = '/work/shared/reference/000_c4a83d074f70a940.txt';

// The step snippets of the reference "Triggers & Steps" page, as written, except where the page's JSON
// does not parse: the HttpRequest snippet carries // comments and the VoiceMessage one misses a comma.
const STEP_SNIPPETS: Record<string, unknown>[] = [
  {
    id: 'step1',
    stepType: 'SMS',
    inputs: { subAccountId: 'acme_corp_sms', destination: '+6512345678', text: 'Hello, world!' },
    outputs: { smsRequestId: '{{step.requestId}}', smsUmid: '{{step.umid}}', smsStatus: '{{step.status}}', smsDescription: '{{step.description}}' },
    nextStepId: 'step2',
  },
  {
    id: 'step1',
    stepType: 'ChatAppsMessage',
    inputs: {
      subAccountId: 'acme_corp_chatapps',
      user: { msisdn: '+6512345678' },
      type: 'text',
      content: { text: 'Hello, World!', sms: { encoding: 'AUTO', source: 'SENDERID' } },
    },
    outputs: { requestId: '{{step.requestId}}', requestUmid: '{{step.umid}}', requestStatus: '{{step.status}}', requestDescription: '{{step.description}}' },
    nextStepId: 'step2',
  },
  {
    id: 'step1',
    stepType: 'HttpRequest',
    inputs: {
      url: 'https://sample.api.com/newrecord/',
      method: 'POST',
      headers: { Authorization: 'Bearer 4ff3987hf934hf3895b469dc0' },
      body: {
        property_1: 1,
        property_2: "{{'umid: ' + data.umid}}",
        property_3: '{{data.receivedAt}}',
        property_4: { nested_property: "{{'msisdn: ' + data.source}}" },
      },
    },
    outputs: { httpCode: '{{step.responseCode}}', httpReasonPhrase: '{{step.reasonPhrase}}', httpResponse: '{{step.responseBody}}' },
    nextStepId: 'step2',
  },
  { id: 'step1', stepType: 'Wait', inputs: { duration: '0.00:01:00' }, nextStepId: 'step2' },
  {
    id: 'step1',
    stepType: 'If',
    inputs: { condition: "{{!isTimeOfDayBetween(data.payload.status.timestamp, '08:00:00', '17:00:00', 'Singapore Standard Time')}}" },
    do: [
      [
        { stepType: 'HttpRequest', id: 'call_webhook', nextStepId: 'send_ca', inputs: { url: 'http://localhost:8080/mock', method: 'GET' } },
        {
          stepType: 'ChatAppsMessage',
          id: 'send_ca',
          inputs: { subAccountId: 'acme_corp_chatapps', user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: 'Hello, world!' } },
        },
      ],
    ],
  },
  {
    stepType: 'WaitForReply',
    id: 'step1',
    inputs: { from: '+6500000000', channel: 'whatsapp', timeout: '00:05:00' },
    outputs: { reply: '{{step.reply}}' },
    selectNextStep: { success_step: '{{step.reply != null}}', failure_step: '{{step.reply == null}}' },
  },
  {
    id: 'step1',
    stepType: 'VoiceMessage',
    inputs: {
      subaccountId: 'acme_corp_voice',
      clientRequestId: 'myId123',
      action: 'say',
      params: { source: '+6500000000', destination: '6500000000', text: 'Hello, world!', repetition: 1, voiceProfile: 'en-US-ZiraRUS', speed: 1 },
    },
    outputs: { response: '{{step.response}}' },
    nextStepId: 'step2',
  },
  {
    id: 'step1',
    stepType: 'WaitForDTMF',
    inputs: { dtmfRequestId: '{{data.clientRequestId}}', timeout: '00:02:00' },
    outputs: { dtmf: '{{step.dtmfData.actionDetails.dtmf}}' },
    selectNextStep: {
      dtmf_1: "{{data.dtmf == '1'}}",
      dtmf_2: "{{data.dtmf == '2'}}",
      dtmf_3: "{{data.dtmf == '3'}}",
      invalid_dtmf: "{{data.dtmf != null && data.dtmf != '1' && data.dtmf != '2' && data.dtmf != '3'}}",
      no_reply: '{{data.dtmf == null}}',
    },
  },
  // "Context & Scripting": a branch on a saved output with a null default.
  { id: 'step1', stepType: 'Branch', selectNextStep: { branchA: "{{data.custom_status == 'OK'}}", branchB: null } },
];

/** The snippet as the first step of a workflow, with a step for each id it names. */
function around(step: Record<string, unknown>) {
  const targets = [step.nextStepId, ...Object.keys((step.selectNextStep as object | undefined) ?? {})].filter((t): t is string => typeof t === 'string');
  return {
    subAccountId: 'acme_corp',
    trigger: 'http_request',
    status: 'enabled',
    definition: { name: 'snippet', steps: [step, ...targets.map((id) => ({ id, stepType: 'SendToConverse' }))] },
  };
}

/** Every top-level JSON object in a stretch of the reference text. */
function jsonBlocks(text: string): unknown[] {
  const out: unknown[] = [];
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i)) {
    let depth = 0;
    let end = i;
    for (; end < text.length; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    out.push(JSON.parse(text.slice(i, end + 1)));
    i = end + 1;
  }
  return out;
}

describe('the reference workflow JSON', () => {
  it.runIf(fs.existsSync(REFERENCE))('the Examples fixtures are the docs verbatim', () => {
    const doc = fs.readFileSync(REFERENCE, 'utf8');
    const section = doc.slice(doc.indexOf('Chat Apps auto reply:'), doc.indexOf('Source: https://developer.8x8.com/connect/docs/examples'));
    expect(jsonBlocks(section)).toEqual(REFERENCE_EXAMPLES.map(referenceExample));
  });

  it.each(STEP_SNIPPETS.map((s) => [s.stepType, s]))('accepts the %s step snippet of "Triggers & Steps"', (_type, step) => {
    const check = validateDefinition(around(step));
    expect(check.errors).toEqual([]);
    expect(check.body!.definition.steps[0]).toEqual(step);
  });
});

describe('workflow body variations', () => {
  const example = () => structuredClone(referenceExample('menu-wait-for-reply')) as Record<string, any>;

  it('reads trigger and status in any case and stores them as the reference writes them', () => {
    const check = validateDefinition({ ...example(), trigger: 'Inbound_Chat_Apps', status: 'DISABLED' });
    expect(check.errors).toEqual([]);
    expect(check.body).toMatchObject({ trigger: 'inbound_chat_apps', status: 'disabled' });
  });

  it('reads optional fields sent as null as not given, and keeps the nulls that mean something', () => {
    const body = example();
    body.status = null;
    body.definition.steps[0].selectNextStep = null;
    body.definition.steps[0].do = null;
    body.definition.steps[2].inputs = null;
    body.definition.steps[2].outputs = null;
    body.definition.steps[3].nextStepId = null;
    body.definition.steps[3].selectNextStep = { branch1: null };
    const check = validateDefinition(body);
    expect(check.errors).toEqual([]);
    const steps = check.body!.definition.steps;
    expect(check.body!.status).toBe('enabled');
    expect('selectNextStep' in steps[0] || 'do' in steps[0]).toBe(false);
    expect('inputs' in steps[2] || 'outputs' in steps[2]).toBe(false);
    expect(steps[3]).toMatchObject({ nextStepId: null, selectNextStep: { branch1: null } });
  });

  it('names the field and says what is wrong with it', () => {
    const check = validateDefinition({
      subAccountId: 7,
      trigger: 'cron',
      definition: { name: 'x', steps: [null, { id: 3, stepType: 'Wait', inputs: { duration: '1' } }] },
    });
    expect(check.errors).toEqual(
      expect.arrayContaining([
        { path: 'subAccountId', message: 'subAccountId must be a string' },
        { path: 'trigger', message: 'trigger must be one of inbound_chat_apps, inbound_sms, http_request' },
        { path: 'definition.steps.0', message: 'Each step must be an object: { "id", "stepType", ... }' },
        { path: 'definition.steps.1.id', message: 'id must be a string' },
      ]),
    );
    for (const body of [[], 'x', null]) {
      expect(validateDefinition(body).errors).toEqual([
        { path: '', message: 'The workflow must be a JSON object: { "subAccountId", "trigger", "status", "definition" }' },
      ]);
    }
  });
});
