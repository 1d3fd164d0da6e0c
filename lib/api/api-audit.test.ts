import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createApiKey } from '@/lib/auth/api-keys';
import * as templates from '@/app/api/v1/accounts/[accountId]/channels/[channelId]/templates/route';
import * as template from '@/app/api/v1/accounts/[accountId]/channels/[channelId]/templates/[name]/route';
import * as webhooks from '@/app/api/v1/accounts/[accountId]/webhooks/route';
import * as webhook from '@/app/api/v1/accounts/[accountId]/webhooks/[id]/route';
import * as workflows from '@/app/api/v1/accounts/[accountId]/workflows/route';
import * as workflow from '@/app/api/v1/accounts/[accountId]/workflows/[id]/route';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import { seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let key: string;
let label: string;

function call(handler: unknown, method: string, path: string, params: Record<string, string>, body?: unknown) {
  const req = new Request(`http://test/api/v1/accounts/acme_corp${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (handler as Handler)(req, { params: Promise.resolve({ accountId: 'acme_corp', ...params }) });
}

/** The audit entries written since the test began, as action and actor. */
let since: Date;
const entries = async () =>
  (await db.auditEvent.findMany({ where: { createdAt: { gte: since } }, orderBy: { createdAt: 'asc' } })).map((e) => ({
    action: e.action,
    actor: e.actorLabel,
    userId: e.actorUserId,
    entityId: e.entityId,
  }));

const channel = { channelId: 'acme_corp_whatsapp' };
const payload = (name: string) => ({ ...creation[0], name });
const workflowBody = (name: string) => ({
  subAccountId: 'acme_corp',
  trigger: 'inbound_sms',
  status: 'disabled',
  definition: {
    name,
    steps: [{ id: 'reply', stepType: 'SMS', inputs: { subAccountId: 'acme_corp', destination: '{{trigger.payload.user.msisdn}}', text: 'Hi' } }],
  },
});

describe('writes through the API are audited under the key', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    const k = await createApiKey(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', name: 'Shop backend' });
    key = k.secret;
    label = `API key Shop backend (${k.secret.slice(0, 10)}…)`;
  });
  beforeEach(async () => {
    // Audit times are stored to the millisecond; start each test on a fresh one.
    await new Promise((r) => setTimeout(r, 2));
    since = new Date();
  });

  it('template create and delete: one entry each, in the key’s name; a refused create leaves none', async () => {
    const created = await call(templates.POST, 'POST', '/channels/acme_corp_whatsapp/templates', channel, payload('audit_probe_one'));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(await entries()).toEqual([{ action: 'template.create', actor: label, userId: null, entityId: id }]);

    // Invalid, and a duplicate (refused inside the transaction's unique index or before it): nothing recorded.
    expect((await call(templates.POST, 'POST', '/channels/acme_corp_whatsapp/templates', channel, { name: 'x' })).status).toBe(400);
    expect((await call(templates.POST, 'POST', '/channels/acme_corp_whatsapp/templates', channel, payload('audit_probe_one'))).status).toBe(409);
    expect(await entries()).toHaveLength(1);

    const deleted = await call(template.DELETE, 'DELETE', '/channels/acme_corp_whatsapp/templates/audit_probe_one?language=en_US', {
      ...channel,
      name: 'audit_probe_one',
    });
    expect(deleted.status).toBe(200);
    expect((await entries()).slice(1)).toEqual([{ action: 'template.delete', actor: label, userId: null, entityId: id }]);
    expect(
      (await call(template.DELETE, 'DELETE', '/channels/acme_corp_whatsapp/templates/audit_probe_one', { ...channel, name: 'audit_probe_one' })).status,
    ).toBe(404);
    expect(await entries()).toHaveLength(2);
  });

  it('workflow create, update and delete: one entry each; a refused update leaves none', async () => {
    const created = await call(workflows.POST, 'POST', '/workflows', {}, workflowBody('Audit probe'));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(await entries()).toEqual([{ action: 'workflow.create', actor: label, userId: null, entityId: id }]);

    expect((await call(workflow.PUT, 'PUT', `/workflows/${id}`, { id }, { ...workflowBody('Audit probe'), trigger: 'nope' })).status).toBe(400);
    expect(await entries()).toHaveLength(1);
    expect((await call(workflow.PUT, 'PUT', `/workflows/${id}`, { id }, workflowBody('Audit probe v2'))).status).toBe(200);
    expect((await call(workflow.DELETE, 'DELETE', `/workflows/${id}`, { id })).status).toBe(204);
    expect((await call(workflow.DELETE, 'DELETE', `/workflows/${id}`, { id })).status).toBe(404);
    expect((await entries()).map((e) => [e.action, e.actor, e.entityId])).toEqual([
      ['workflow.create', label, id],
      ['workflow.update', label, id],
      ['workflow.delete', label, id],
    ]);
  });

  it('webhook create and delete: one entry each; a refused create or a second delete leaves none', async () => {
    const created = await call(webhooks.POST, 'POST', '/webhooks', {}, { url: 'https://hooks.example.com/audit', events: ['template_status_update'] });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await call(webhooks.POST, 'POST', '/webhooks', {}, { url: 'https://hooks.example.com/audit', events: ['no_such_event'] })).status).toBe(400);
    expect((await call(webhook.DELETE, 'DELETE', `/webhooks/${id}`, { id })).status).toBe(204);
    expect((await call(webhook.DELETE, 'DELETE', `/webhooks/${id}`, { id })).status).toBe(404);
    expect(await entries()).toEqual([
      { action: 'webhook.create', actor: label, userId: null, entityId: id },
      { action: 'webhook.delete', actor: label, userId: null, entityId: id },
    ]);
  });
});
