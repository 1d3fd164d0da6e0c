// For lib/http/api-robustness.test.ts: one of everything a path can name (template, workflow,
// instance, message, webhook) in a tenant, made through the API as an integration would, and a
// valid body for each route that takes one.
import crypto from 'node:crypto';
import { db } from '@/lib/db/client';
import { send, type RouteUnderTest } from '@/test/api-robustness-kit';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import sends from '@/lib/templates/fixtures/reference-send-payloads.json';
import { REFERENCE_EXAMPLES, referenceExample } from '@/lib/automation/examples/reference-examples';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

export type Tenant = { accountId: string; subAccountId: string; channelId: string; apiKey: string };

const TEMPLATE = creation.find((c) => c.name === 'order_shipped_v2')!;

/** An APPROVED template, stored as the reviewer would have left it. */
export async function approvedTemplate(t: Tenant, name = TEMPLATE.name, payload: { category: string; components: unknown } = TEMPLATE) {
  const channel = await db.channel.findUniqueOrThrow({ where: { id: t.channelId } });
  await db.template.create({
    data: {
      accountId: t.accountId,
      subAccountId: channel.subAccountId,
      channelId: t.channelId,
      name,
      language: 'en_US',
      category: payload.category,
      components: payload.components as object,
      status: 'APPROVED',
    },
  });
  return name;
}

/** Every reference creation payload APPROVED in the tenant's channel, so that every reference send is valid. */
export async function approveReferenceTemplates(t: Tenant) {
  for (const c of creation) if (c.name !== TEMPLATE.name) await approvedTemplate(t, c.name, c);
}

async function api(base: string, t: Tenant, method: string, path: string, body?: unknown) {
  const a = await send(base, {
    method,
    path,
    headers: { authorization: `Bearer ${t.apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (a.status >= 300) throw new Error(`fixture ${method} ${path} answered ${a.status}: ${a.text}`);
  return a.json;
}

export async function createWebhook(base: string, t: Tenant): Promise<string> {
  return (
    await api(base, t, 'POST', `/api/v1/accounts/${t.accountId}/webhooks`, { url: 'https://hooks.example.com/parley', events: ['template_status_update'] })
  ).id;
}

// Disabled, and on a trigger nothing in the audit fires (inbound SMS to the other subaccount), so
// that a probe that succeeds never starts work that writes during a later probe.
export const workflowBody = (t: Tenant) => ({
  subAccountId: t.accountId,
  trigger: 'inbound_sms',
  status: 'disabled',
  definition: {
    name: 'Robustness probe ✓',
    steps: [{ id: 'reply', stepType: 'SMS', inputs: { subAccountId: t.accountId, destination: '{{trigger.payload.user.msisdn}}', text: 'Hi' } }],
  },
});

export async function createWorkflow(base: string, t: Tenant): Promise<string> {
  return (await api(base, t, 'POST', `/api/v1/accounts/${t.accountId}/workflows`, workflowBody(t))).id;
}

/** A workflow instance that failed at its one step (so that it has errors to list), its workflow then disabled. */
async function failedInstance(base: string, t: Tenant): Promise<string> {
  const acc = `/api/v1/accounts/${t.accountId}`;
  const steps = [{ id: 'broken', stepType: 'SMS', inputs: { subAccountId: t.accountId, destination: 'not-a-number', text: 'x' } }];
  const wf = await api(base, t, 'POST', `${acc}/workflows`, {
    subAccountId: t.subAccountId,
    trigger: 'http_request',
    status: 'enabled',
    definition: { name: 'fails', steps },
  });
  const { workflowIds } = await api(base, t, 'POST', `${acc}/triggers/http_request?subAccountId=${t.subAccountId}`, {});
  for (let i = 0; i < 200; i++) {
    const row = await db.workflowInstance.findUniqueOrThrow({ where: { id: workflowIds[0] } });
    if (row.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  await api(base, t, 'PUT', `${acc}/workflows/${wf.id}`, {
    subAccountId: t.subAccountId,
    trigger: 'http_request',
    status: 'disabled',
    definition: { name: 'fails', steps },
  });
  return workflowIds[0];
}

// Each tenant's own numbers: another tenant's contact must be a number this one does not have. A "+" is
// path text as it is (only a query string reads it as a space).
const numberOf = (t: Tenant) => (t.accountId === 'acme_corp' ? '+6591234567' : '+6598765432');
let freshNumbers = 0;

/** A contact of the tenant (its own number by default; a new one for a DELETE to remove). */
export async function createContact(base: string, t: Tenant, msisdn = numberOf(t)): Promise<string> {
  await api(base, t, 'PUT', `/api/v1/accounts/${t.accountId}/contacts/${msisdn}`, { name: 'Probe contact', tags: ['probe'] });
  return msisdn;
}

/** A number the tenant has opted out (not the one the sends and inbound probes use); a new one for a DELETE. */
export async function createOptOut(base: string, t: Tenant, msisdn = numberOf(t).replace(/7$/, '8')): Promise<string> {
  await api(base, t, 'PUT', `/api/v1/accounts/${t.accountId}/opt-outs/${msisdn}`);
  return msisdn;
}

/** A Converse ticket of the tenant, handed over for the number the inbound probes use (its window is open). */
export async function createTicket(base: string, t: Tenant): Promise<string> {
  return (await api(base, t, 'POST', `/api/v1/accounts/${t.accountId}/converse/tickets`, { subAccountId: t.subAccountId, msisdn: numberOf(t) })).id;
}

/**
 * A draft campaign of the tenant to the contacts tagged "probe" (createContact's), with a template of
 * its own; the probes then launch, pause, resume, cancel, retry and test-send it.
 */
export async function createCampaignFixture(t: Tenant): Promise<string> {
  const name = await approvedTemplate(t, `probe_campaign_${t.accountId}`, {
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Hi {{1}}, your order is ready.', examples: ['Ann'] }],
  });
  const spec = {
    name: 'Robustness probe ✓',
    subAccountId: t.subAccountId,
    template: { name, language: 'en_US' },
    parameters: { 'body.1': { value: 'there' } },
  };
  return (await createCampaign(db, SYSTEM_ACTOR, { accountId: t.accountId, spec: { ...spec, contactsTag: 'probe' } })).id;
}

/** The spec of a draft to the contacts tagged "probe", with the template createCampaignFixture approved. */
export const campaignSpec = (t: Tenant) => ({
  name: 'Robustness probe ✓',
  subAccountId: t.subAccountId,
  template: { name: `probe_campaign_${t.accountId}`, language: 'en_US' },
  parameters: { 'body.1': { column: 'name', fallback: 'there' } },
  contactsTag: 'probe',
});

/** Another draft like createCampaignFixture's (after it), for a DELETE to remove. */
export async function freshDraftCampaign(t: Tenant): Promise<string> {
  return (await createCampaign(db, SYSTEM_ACTOR, { accountId: t.accountId, spec: campaignSpec(t) })).id;
}

/** A number no fixture uses, for a DELETE to remove. */
export const freshNumber = () => `+659900${String(++freshNumbers).padStart(4, '0')}`;

/** A template with a name of its own, for a DELETE to remove. */
export async function disposableTemplate(t: Tenant): Promise<string> {
  return approvedTemplate(t, `doomed_${crypto.randomBytes(4).toString('hex')}`);
}

/** Path parameter values (keyed as paramKey does) naming the tenant's own things. */
export async function tenantFixtures(base: string, t: Tenant, templateName = TEMPLATE.name): Promise<Record<string, string>> {
  const template = await approvedTemplate(t, templateName);
  await approveReferenceTemplates(t);
  const inbound = await api(base, t, 'POST', `/api/v1/subaccounts/${t.subAccountId}/sandbox/inbound`, {
    user: { msisdn: '+6591234567' },
    content: { text: 'hello' },
  });
  const { partnerId } = await db.account.findUniqueOrThrow({ where: { id: t.accountId }, select: { partnerId: true } });
  return {
    'partners/[partnerId]': partnerId,
    'accounts/[accountId]': t.accountId,
    'subaccounts/[subAccountId]': t.subAccountId,
    'channels/[channelId]': t.channelId,
    'templates/[name]': template,
    'webhooks/[id]': await createWebhook(base, t),
    'workflows/[id]': await createWorkflow(base, t),
    'instances/[workflowId]': await failedInstance(base, t),
    'messages/[umid]': inbound.umid,
    'contacts/[msisdn]': await createContact(base, t),
    'opt-outs/[msisdn]': await createOptOut(base, t),
    // After the contact: its audience is the contacts tagged "probe".
    'campaigns/[id]': await createCampaignFixture(t),
    'tickets/[id]': await createTicket(base, t),
    '/[...path]': 'no-such-endpoint',
  };
}

const user = { msisdn: '+6591234567' };
// Freeform sends of the reference docs' scenarios, one of each content type.
const FREEFORM = [
  { user, type: 'text', content: { text: 'Hello' }, clientMessageId: 'probe-text' },
  {
    user,
    type: 'interactive',
    content: {
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Welcome' },
        body: { text: 'Pick one' },
        footer: { text: 'Acme' },
        action: { buttons: [{ type: 'reply', reply: { title: 'Billing', id: 'faq_billing' } }] },
      },
    },
  },
  {
    user,
    type: 'interactive',
    content: {
      interactive: {
        type: 'list',
        body: { text: 'Choose a slot' },
        action: { button: 'Select Slot', sections: [{ title: 'Times', rows: [{ id: 'slot_1', title: 'Tomorrow', description: '10:00 AM' }] }] },
      },
    },
  },
  {
    user,
    type: 'interactive',
    content: {
      interactive: {
        type: 'cta_url',
        body: { text: 'Check out' },
        action: { parameters: { display_text: 'Go to Checkout', url: 'https://your-store.com/checkout' } },
      },
    },
  },
  { user, type: 'image', content: { url: 'https://example.com/a.png', caption: 'A picture' } },
  { user, type: 'document', content: { url: 'https://example.com/a.pdf', filename: 'a.pdf' } },
  { user, type: 'location', content: { location: { latitude: -33.86, longitude: 151.21, name: 'Sydney', address: 'NSW' } } },
];

/** Bodies each route accepts (the reference payloads where there is one), keyed "METHOD /pattern". */
export function validBodies(t: Tenant): Record<string, unknown[]> {
  // Disabled, and on a trigger no probe fires (see workflowBody).
  // Every subaccount the examples' steps name becomes the tenant's own: a workflow may name no other.
  const own = (example: Record<string, unknown>) =>
    JSON.parse(JSON.stringify(example).replace(/"(subAccountId|subaccountId)":"[^"]*"/g, `"$1":${JSON.stringify(t.subAccountId)}`));
  const examples = REFERENCE_EXAMPLES.map((n) => ({ ...own(referenceExample(n)), subAccountId: t.accountId, trigger: 'inbound_sms', status: 'disabled' }));
  return {
    'POST /subaccounts/[subAccountId]/messages': [...FREEFORM, ...sends.map((s) => ({ ...s, user }))],
    'POST /subaccounts/[subAccountId]/sandbox/inbound': [
      {
        channel: 'whatsapp',
        user: { msisdn: '+6591234567' },
        type: 'text',
        content: { text: 'Hi' },
        timestamp: new Date().toISOString(),
        referral: { sourceType: 'ad' },
      },
    ],
    'POST /subaccounts/[subAccountId]/sandbox/dtmf': [{ clientRequestId: 'probe', destination: '+6591234567', dtmf: '1' }],
    'POST /accounts/[accountId]/channels/[channelId]/templates': creation.map((c) => ({ ...c, name: `probe_${c.name}` })),
    'POST /accounts/[accountId]/webhooks': [{ url: 'https://hooks.example.com/probe', events: ['inbound_message_received'], subAccountId: t.subAccountId }],
    'POST /accounts/[accountId]/workflows': [workflowBody(t), ...examples],
    // The same validator as POST: the reference examples are fuzzed there.
    'PUT /accounts/[accountId]/workflows/[id]': [workflowBody(t)],
    'POST /accounts/[accountId]/triggers/http_request': [{ price: '10', nested: { list: [1, 2] } }],
    'PUT /accounts/[accountId]/contacts/[msisdn]': [{ name: 'Ada Lovelace ✓', attributes: { city: 'Singapore', plan: 'gold' }, tags: ['vip', 'probe'] }],
    'PUT /accounts/[accountId]/opt-outs/[msisdn]': [{ optedOutAt: '2026-01-01T00:00:00Z' }],
    'POST /accounts/[accountId]/campaigns': [campaignSpec(t)],
    'POST /accounts/[accountId]/campaigns/[id]/test': [{ msisdn: '+6591234567' }, { msisdn: '+6591234567', row: 2 }],
    'POST /accounts/[accountId]/converse/tickets': [{ subAccountId: t.subAccountId, msisdn: '+6591234567', channel: 'whatsapp' }],
    'PATCH /accounts/[accountId]/converse/tickets/[id]': [{ status: 'resolved' }, { status: 'queued', assigneeId: null }],
    'POST /accounts/[accountId]/converse/tickets/[id]/messages': [{ type: 'text', content: { text: 'Hello from an agent ✓' }, clientMessageId: 'probe-reply' }],
    'POST /accounts/[accountId]/converse/tickets/[id]/notes': [{ text: 'Probe note ✓' }],
    // Provisioning: a second probe with the same id is a 409, which is a refusal like any other.
    'POST /partners/[partnerId]/accounts': [{ id: `probe_account_${t.accountId}`, name: 'Probe account ✓', region: 'eu' }],
    'PATCH /partners/[partnerId]/accounts/[accountId]': [{ name: 'Acme Corp' }],
    'POST /accounts/[accountId]/subaccounts': [{ id: `probe_sub_${t.accountId}`, name: 'Probe subaccount ✓' }],
    'POST /subaccounts/[subAccountId]/channels': [{ id: `probe_sms_${t.accountId}`, kind: 'sms', address: 'Probe', provider: 'sandbox' }],
    'PATCH /subaccounts/[subAccountId]/channels/[channelId]': [{ name: 'WhatsApp ✓' }],
    'PUT /accounts/[accountId]/converse/config': [{ resolvedToClosedHours: 2, pendingToClosedHours: 1.5, maxAssignedTicketsPerAgent: 5 }],
  };
}

/** Query parameters a route needs to get as far as reading its body, keyed "METHOD /pattern". */
export function validQueries(t: Tenant): Record<string, string> {
  return {
    'POST /accounts/[accountId]/triggers/http_request': `subAccountId=${t.subAccountId}`,
    'GET /accounts/[accountId]/channels/[channelId]/templates/[name]': 'language=en_US',
    'DELETE /accounts/[accountId]/channels/[channelId]/templates/[name]': 'language=en_US',
  };
}

/** `path` with the query the route needs (?subAccountId= of a trigger), less any parameter `bad` sets itself. */
export function withQuery(t: Tenant, r: RouteUnderTest, method: string, path: string, bad = ''): string {
  const needed = new URLSearchParams(validQueries(t)[`${method} ${r.pattern}`] ?? '');
  for (const part of bad.split('&')) needed.delete(decodeURIComponentSafe(part.split('=')[0]!));
  const query = [bad, needed.toString()].filter(Boolean).join('&');
  return query ? `${path}?${query}` : path;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The bodies `r` accepts for `method` (a placeholder where none is known). */
export function bodiesFor(t: Tenant, r: RouteUnderTest, method: string): unknown[] {
  return validBodies(t)[`${method} ${r.pattern}`] ?? [{ note: 'no known body for this route' }];
}

let uniqueSuffix = 0;
/**
 * The body with a unique template name and clientMessageId where the mutation left them as they
 * were: a second "probe" template is a 409 and a repeated clientMessageId answers the first send,
 * either of which would stop the request before the code that stores it.
 */
export function freshKeys(body: unknown, valid: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body) || !valid || typeof valid !== 'object') return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const k of ['name', 'clientMessageId']) {
    const v = (valid as Record<string, unknown>)[k];
    if (typeof v === 'string' && out[k] === v) out[k] = `${v}_${++uniqueSuffix}`;
  }
  return out;
}

/** `own`, with a thing of its own in place of each one a DELETE would remove (so the fixtures outlive the probes). */
export async function deletableValues(base: string, t: Tenant, keys: string[], own: Record<string, string>): Promise<Record<string, string>> {
  const fresh: Record<string, string> = { ...own };
  if (keys.includes('webhooks/[id]')) fresh['webhooks/[id]'] = await createWebhook(base, t);
  if (keys.includes('workflows/[id]')) fresh['workflows/[id]'] = await createWorkflow(base, t);
  if (keys.includes('templates/[name]')) fresh['templates/[name]'] = await disposableTemplate(t);
  if (keys.includes('campaigns/[id]')) fresh['campaigns/[id]'] = await freshDraftCampaign(t);
  if (keys.includes('contacts/[msisdn]')) fresh['contacts/[msisdn]'] = await createContact(base, t, freshNumber());
  if (keys.includes('opt-outs/[msisdn]')) fresh['opt-outs/[msisdn]'] = await createOptOut(base, t, freshNumber());
  return fresh;
}
