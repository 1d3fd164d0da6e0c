// The writes every-write-is-audited.test.ts drives, and the actions and routes that are not audited
// writes, each with its reason. Keyed "<file under app/> <export>" for server actions and
// "api/v1/<route file> <METHOD>" for REST routes.
import path from 'node:path';
import crypto from 'node:crypto';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR, type AuditActor } from '@/lib/audit/record-audit-event';
import { createWorkflow, updateWorkflow } from '@/lib/automation/workflows';
import { createTemplate } from '@/lib/templates/create-template';
import { createEndpoint } from '@/lib/webhooks/endpoints';
import { createApiKey } from '@/lib/auth/api-keys';
import { saveRate } from '@/lib/messaging/pricing/save-rate';
import { createRole } from '@/lib/partners/create-role';
import { createUser } from '@/lib/partners/create-user';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';

export type Outcome = { ok: boolean; data: unknown };
type Ctx = { admin: AuditActor; apiKey: string; root: string };
type Prepared = {
  /** The write; called three times (refused twice, then for real), so it must not depend on a first success. */
  call: () => Promise<Outcome>;
  /** The same write with input the domain refuses. */
  bad: () => Promise<Outcome>;
  /** The audit entry's entity: known beforehand, or read from the answer. */
  entityId?: string | ((data: unknown) => string);
  /** Whom the entry names, when not the signed-in admin (actions) or the key (routes). */
  actorLabel?: string;
  /** Waits for work the write started in the background (a retried run), so the next write starts clean. */
  settle?: () => Promise<void>;
};
type AuditedWrite = {
  action: string;
  entityType: string;
  /** A table the write changes: a failure there must take the audit entry back too. */
  table: string;
  prepare: (ctx: Ctx) => Promise<Prepared>;
};

const unique = (prefix: string) => `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
const idOf = (data: unknown) => (data as { id: string }).id;

/** A server action as the browser calls it. */
function action(ctx: Ctx, key: string, input: unknown): () => Promise<Outcome> {
  const [file, name] = key.split(' ') as [string, string];
  return async () => {
    const mod = (await import(path.join(ctx.root, file))) as Record<string, (raw: unknown) => Promise<{ ok: boolean; data?: unknown }>>;
    const r = await mod[name]!(input);
    return { ok: r.ok, data: r.ok ? r.data : r };
  };
}

/** A REST route as an API client calls it. */
function route(ctx: Ctx, key: string, params: Record<string, string>, body?: unknown): () => Promise<Outcome> {
  const [file, method] = key.split(' ') as [string, string];
  return async () => {
    const mod = (await import(path.join(ctx.root, file))) as Record<
      string,
      (req: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>
    >;
    const req = new Request('http://test/api/v1/probe', {
      method,
      headers: { authorization: `Bearer ${ctx.apiKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const res = await mod[method]!(req, { params: Promise.resolve({ accountId: 'acme_corp', ...params }) });
    return { ok: res.status < 400, data: res.status === 204 ? null : await res.json() };
  };
}

const workflowBody = (name: string) => ({
  subAccountId: 'acme_corp',
  trigger: 'http_request',
  status: 'disabled',
  definition: { name, steps: [{ id: 'w', stepType: 'Wait', inputs: { duration: '01:00:00' } }] },
});
const workflow = (opts: { publish?: boolean } = {}) =>
  createWorkflow(db, 'acme_corp', workflowBody(unique('Audit')), { actor: SYSTEM_ACTOR, publish: opts.publish ?? true });
const template = (name = unique('audit_probe')) =>
  createTemplate(db, { accountId: 'acme_corp', channelId: 'acme_corp_whatsapp', payload: { ...creation[0], name }, source: 'test', actor: SYSTEM_ACTOR });
const endpoint = () => createEndpoint(db, 'acme_corp', { url: 'https://hooks.example.com/audit', events: ['template_status_update'] }, SYSTEM_ACTOR);
const role = (admin: AuditActor) => createRole(db, admin, { name: unique('Auditors'), permissions: ['logs.view'] });
const user = async (admin: AuditActor) =>
  createUser(db, admin, { email: `${unique('audit')}@example.com`, name: 'Probe', roleId: (await role(admin)).id, accountIds: ['acme_corp'], setup: 'link' });

/** A run of a fresh workflow, stored as the runner leaves it: waiting on a timer, or failed at its step. */
async function run(status: 'waiting' | 'failed') {
  const wf = await workflow();
  return db.workflowInstance.create({
    data: {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp',
      definitionId: wf.id,
      version: 1,
      status,
      data: {},
      currentStepId: 'w',
      trigger: 'http_request',
      ...(status === 'waiting' ? { waitKind: 'timer', waitUntil: new Date(Date.now() + 3600_000) } : { error: 'Probe failure', finishedAt: new Date() }),
    },
  });
}

const A = {
  automation: '(console)/automation/actions.ts',
  runs: '(console)/automation/runs/actions.ts',
  templates: '(console)/templates/actions.ts',
  keys: '(console)/settings/api-keys/actions.ts',
  webhooks: '(console)/settings/webhooks/actions.ts',
  pricing: '(console)/settings/pricing/actions.ts',
  users: '(console)/partners/users/actions.ts',
  roles: '(console)/partners/roles/actions.ts',
} as const;
const ACCOUNTS = 'api/v1/accounts/[accountId]';

// Written by each case from its own fresh rows, so the cases do not depend on one another's order.
const write = (key: string, spec: Omit<AuditedWrite, 'prepare'> & { prepare: (ctx: Ctx, key: string) => Promise<Prepared> }) =>
  [key, { ...spec, prepare: (ctx: Ctx) => spec.prepare(ctx, key) }] as const;

export const AUDITED_WRITES: Record<string, AuditedWrite> = Object.fromEntries([
  // Workflows, from the editor.
  write(`${A.automation} createWorkflowAction`, {
    action: 'workflow.create',
    entityType: 'workflow',
    table: 'Workflow',
    prepare: async (c, k) => ({
      call: action(c, k, { workflow: workflowBody('Created') }),
      bad: action(c, k, { workflow: { ...workflowBody('Bad'), trigger: 'nope' } }),
      entityId: idOf,
    }),
  }),
  // The first save after publishing starts a draft (audited); later autosaves of that draft are not (see saveWorkflowDraft).
  write(`${A.automation} saveWorkflowAction`, {
    action: 'workflow.update',
    entityType: 'workflow',
    table: 'WorkflowVersion',
    prepare: async (c, k) => {
      const { id } = await workflow();
      return {
        call: action(c, k, { id, workflow: workflowBody('Saved') }),
        bad: action(c, k, { id: 'no_such_workflow', workflow: workflowBody('Saved') }),
        entityId: id,
      };
    },
  }),
  write(`${A.automation} publishWorkflowAction`, {
    action: 'workflow.publish',
    entityType: 'workflow',
    table: 'Workflow',
    prepare: async (c, k) => {
      const { id } = await workflow({ publish: false });
      return { call: action(c, k, { id }), bad: action(c, k, { id, version: 9 }), entityId: id };
    },
  }),
  write(`${A.automation} setWorkflowStatusAction`, {
    action: 'workflow.enable',
    entityType: 'workflow',
    table: 'Workflow',
    prepare: async (c, k) => {
      const { id } = await workflow();
      return { call: action(c, k, { id, status: 'enabled' }), bad: action(c, k, { id: 'no_such_workflow', status: 'enabled' }), entityId: id };
    },
  }),
  write(`${A.automation} rollbackWorkflowAction`, {
    action: 'workflow.rollback',
    entityType: 'workflow',
    table: 'WorkflowVersion',
    prepare: async (c, k) => {
      const { id } = await workflow();
      await updateWorkflow(db, 'acme_corp', id, workflowBody('Second'), { actor: SYSTEM_ACTOR, publish: true });
      return { call: action(c, k, { id, version: 1 }), bad: action(c, k, { id, version: 9 }), entityId: id };
    },
  }),
  write(`${A.automation} deleteWorkflowAction`, {
    action: 'workflow.delete',
    entityType: 'workflow',
    table: 'Workflow',
    prepare: async (c, k) => {
      const { id } = await workflow();
      return { call: action(c, k, { id }), bad: action(c, k, { id: 'no_such_workflow' }), entityId: id };
    },
  }),
  write(`${A.runs} cancelRunAction`, {
    action: 'workflow_instance.cancel',
    entityType: 'workflow_instance',
    table: 'WorkflowInstance',
    prepare: async (c, k) => {
      const { id } = await run('waiting');
      return { call: action(c, k, { instanceId: id }), bad: action(c, k, { instanceId: (await run('failed')).id }), entityId: id };
    },
  }),
  write(`${A.runs} retryRunAction`, {
    action: 'workflow_instance.retry',
    entityType: 'workflow_instance',
    table: 'WorkflowInstance',
    prepare: async (c, k) => {
      const { id } = await run('failed');
      const settle = async () => {
        while ((await db.workflowInstance.findUniqueOrThrow({ where: { id } })).status === 'running') await new Promise((r) => setTimeout(r, 20));
      };
      return { call: action(c, k, { instanceId: id }), bad: action(c, k, { instanceId: (await run('waiting')).id }), entityId: id, settle };
    },
  }),

  // Templates.
  write(`${A.templates} submitTemplateAction`, {
    action: 'template.create',
    entityType: 'template',
    table: 'Template',
    prepare: async (c, k) => ({
      call: action(c, k, { channelId: 'acme_corp_whatsapp', payload: { ...creation[0], name: unique('audit_submit') } }),
      bad: action(c, k, { channelId: 'acme_corp_whatsapp', payload: { name: 'x' } }),
      entityId: idOf,
    }),
  }),
  write(`${A.templates} deleteTemplateAction`, {
    action: 'template.delete',
    entityType: 'template',
    table: 'Template',
    prepare: async (c, k) => {
      const { id } = await template();
      return { call: action(c, k, { id }), bad: action(c, k, { id: 'no_such_template' }), entityId: id };
    },
  }),
  write(`${A.templates} qualityEventAction`, {
    action: 'template.quality',
    entityType: 'template',
    table: 'Template',
    prepare: async (c, k) => {
      const { id } = await template();
      return { call: action(c, k, { id, quality: 'RED' }), bad: action(c, k, { id: 'no_such_template', quality: 'RED' }), entityId: id };
    },
  }),

  // Settings.
  write(`${A.keys} createApiKeyAction`, {
    action: 'apikey.create',
    entityType: 'api_key',
    table: 'ApiKey',
    prepare: async (c, k) => ({
      call: action(c, k, { name: 'Probe key', scopes: ['logs.view'] }),
      bad: action(c, k, { name: 'Probe key', scopes: [] }),
      entityId: idOf,
    }),
  }),
  write(`${A.keys} revokeApiKeyAction`, {
    action: 'apikey.revoke',
    entityType: 'api_key',
    table: 'ApiKey',
    prepare: async (c, k) => {
      const { id } = await createApiKey(db, { accountId: 'acme_corp', name: 'To revoke', actor: SYSTEM_ACTOR });
      return { call: action(c, k, { id }), bad: action(c, k, { id: 'no_such_key' }), entityId: id };
    },
  }),
  write(`${A.webhooks} createWebhookAction`, {
    action: 'webhook.create',
    entityType: 'webhook',
    table: 'WebhookEndpoint',
    prepare: async (c, k) => ({
      call: action(c, k, { url: 'https://hooks.example.com/new', events: ['template_status_update'] }),
      bad: action(c, k, { url: 'https://hooks.example.com/new', events: ['no_such_event'] }),
      entityId: idOf,
    }),
  }),
  write(`${A.webhooks} deleteWebhookAction`, {
    action: 'webhook.delete',
    entityType: 'webhook',
    table: 'WebhookEndpoint',
    prepare: async (c, k) => {
      const { id } = await endpoint();
      return { call: action(c, k, { id }), bad: action(c, k, { id: 'no_such_webhook' }), entityId: id };
    },
  }),
  write(`${A.webhooks} resendDeliveryAction`, {
    action: 'webhook.resend',
    entityType: 'webhook_delivery',
    table: 'WebhookDelivery',
    prepare: async (c, k) => {
      const e = await endpoint();
      const d = await db.webhookDelivery.create({
        data: {
          endpointId: e.id,
          eventId: unique('event'),
          accountId: 'acme_corp',
          eventType: 'template_status_update',
          status: 'failed',
          completedAt: new Date(),
        },
      });
      return { call: action(c, k, { id: d.id }), bad: action(c, k, { id: 'no_such_delivery' }), entityId: d.id };
    },
  }),
  write(`${A.pricing} saveRateAction`, {
    action: 'pricing.rate.save',
    entityType: 'rate_card_entry',
    table: 'RateCardEntry',
    prepare: async (c, k) => {
      // The default card is made once, outside the edit (see saveRate): made here first, it is not part of what is compared.
      await saveRate(db, 'acme_corp', { category: 'utility', callingCode: '1', fromVolume: 0, price: 0.01 }, SYSTEM_ACTOR);
      const rate = { category: 'marketing', callingCode: '44', fromVolume: 1000, price: 0.05 };
      return { call: action(c, k, rate), bad: action(c, k, { ...rate, price: -1 }), entityId: idOf };
    },
  }),
  write(`${A.pricing} deleteRateAction`, {
    action: 'pricing.rate.delete',
    entityType: 'rate_card_entry',
    table: 'RateCardEntry',
    prepare: async (c, k) => {
      const { id } = await saveRate(db, 'acme_corp', { category: 'marketing', callingCode: '33', fromVolume: 0, price: 0.04 }, SYSTEM_ACTOR);
      return { call: action(c, k, { id }), bad: action(c, k, { id: 'no_such_rate' }), entityId: id };
    },
  }),
  write(`${A.pricing} setMessagingTierAction`, {
    action: 'account.messaging_tier.upgrade',
    entityType: 'account',
    table: 'Account',
    prepare: async (c, k) => {
      await db.account.update({ where: { id: 'acme_corp' }, data: { messagingTier: 'TIER_1K' } });
      return { call: action(c, k, { tier: 'TIER_10K' }), bad: action(c, k, { tier: 'TIER_7' }), entityId: 'acme_corp' };
    },
  }),

  // Partners: roles and users.
  write(`${A.roles} createRoleAction`, {
    action: 'role.create',
    entityType: 'role',
    table: 'Role',
    prepare: async (c, k) => ({
      call: action(c, k, { name: unique('Probe role'), permissions: ['logs.view'] }),
      bad: action(c, k, { name: 'Probe', permissions: ['no.such'] }),
      entityId: idOf,
    }),
  }),
  write(`${A.roles} updateRoleAction`, {
    action: 'role.update',
    entityType: 'role',
    table: 'Role',
    prepare: async (c, k) => {
      const { id } = await role(c.admin);
      return {
        call: action(c, k, { id, name: unique('Renamed'), permissions: ['logs.view'] }),
        bad: action(c, k, { id: 'no_such_role', name: 'x', permissions: ['logs.view'] }),
        entityId: id,
      };
    },
  }),
  write(`${A.roles} deleteRoleAction`, {
    action: 'role.delete',
    entityType: 'role',
    table: 'Role',
    prepare: async (c, k) => {
      const { id } = await role(c.admin);
      return { call: action(c, k, { id }), bad: action(c, k, { id: 'no_such_role' }), entityId: id };
    },
  }),
  write(`${A.users} createUserAction`, {
    action: 'user.create',
    entityType: 'user',
    table: 'User',
    prepare: async (c, k) => {
      const { id: roleId } = await role(c.admin);
      const input = { email: `${unique('new')}@example.com`, name: 'New', roleId, accountIds: ['acme_corp'], setup: 'link' };
      return { call: action(c, k, input), bad: action(c, k, { ...input, roleId: 'no_such_role' }), entityId: idOf };
    },
  }),
  write(`${A.users} updateUserAccessAction`, {
    action: 'user.update_access',
    entityType: 'user',
    table: 'User',
    prepare: async (c, k) => {
      const u = await user(c.admin);
      const { id: roleId } = await role(c.admin);
      return {
        call: action(c, k, { userId: u.id, name: 'Moved', roleId, accountIds: ['acme_corp'] }),
        bad: action(c, k, { userId: u.id, name: 'Moved', roleId: 'no_such_role' }),
        entityId: u.id,
      };
    },
  }),
  write(`${A.users} setUserStatusAction`, {
    action: 'user.deactivate',
    entityType: 'user',
    table: 'User',
    prepare: async (c, k) => {
      const u = await user(c.admin);
      return {
        call: action(c, k, { userId: u.id, status: 'deactivated' }),
        bad: action(c, k, { userId: 'no_such_user', status: 'deactivated' }),
        entityId: u.id,
      };
    },
  }),
  write(`${A.users} resetPasswordAction`, {
    action: 'user.reset_password',
    entityType: 'user',
    table: 'User',
    prepare: async (c, k) => {
      const u = await user(c.admin);
      return { call: action(c, k, { userId: u.id, setup: 'link' }), bad: action(c, k, { userId: 'no_such_user', setup: 'link' }), entityId: u.id };
    },
  }),
  // Public (the one-time link is the credential); recorded under the person setting their password.
  write('invite/[token]/actions.ts setPasswordAction', {
    action: 'user.set_password',
    entityType: 'user',
    table: 'User',
    prepare: async (c) => {
      const u = await user(c.admin);
      const form = (token: string) => {
        const f = new FormData();
        for (const [name, value] of Object.entries({ token, password: 'a-long-enough-password', confirm: 'a-long-enough-password' })) f.set(name, value);
        return f;
      };
      const set = (token: string) => async (): Promise<Outcome> => {
        const { setPasswordAction } = await import(path.join(c.root, 'invite/[token]/actions.ts'));
        const r = await setPasswordAction({}, form(token));
        return { ok: !!r.ok, data: r };
      };
      return { call: set(u.link!.path.split('/').pop()!), bad: set('not-a-real-token-at-all'), entityId: u.id, actorLabel: u.email };
    },
  }),

  // The REST API, under the key.
  write(`${ACCOUNTS}/channels/[channelId]/templates/route.ts POST`, {
    action: 'template.create',
    entityType: 'template',
    table: 'Template',
    prepare: async (c, k) => ({
      call: route(c, k, { channelId: 'acme_corp_whatsapp' }, { ...creation[0], name: unique('audit_api') }),
      bad: route(c, k, { channelId: 'acme_corp_whatsapp' }, { name: 'x' }),
      entityId: idOf,
    }),
  }),
  write(`${ACCOUNTS}/channels/[channelId]/templates/[name]/route.ts DELETE`, {
    action: 'template.delete',
    entityType: 'template',
    table: 'Template',
    prepare: async (c, k) => {
      const t = await template();
      return {
        call: route(c, k, { channelId: 'acme_corp_whatsapp', name: t.name }),
        bad: route(c, k, { channelId: 'acme_corp_whatsapp', name: 'no_such_template' }),
        entityId: t.id,
      };
    },
  }),
  write(`${ACCOUNTS}/workflows/route.ts POST`, {
    action: 'workflow.create',
    entityType: 'workflow',
    table: 'Workflow',
    prepare: async (c, k) => ({
      call: route(c, k, {}, workflowBody('By the API')),
      bad: route(c, k, {}, { ...workflowBody('Bad'), trigger: 'nope' }),
      entityId: idOf,
    }),
  }),
  write(`${ACCOUNTS}/workflows/[id]/route.ts PUT`, {
    action: 'workflow.update',
    entityType: 'workflow',
    table: 'WorkflowVersion',
    prepare: async (c, k) => {
      const { id } = await workflow();
      return { call: route(c, k, { id }, workflowBody('Put')), bad: route(c, k, { id }, { ...workflowBody('Put'), trigger: 'nope' }), entityId: id };
    },
  }),
  write(`${ACCOUNTS}/workflows/[id]/route.ts DELETE`, {
    action: 'workflow.delete',
    entityType: 'workflow',
    table: 'Workflow',
    prepare: async (c, k) => {
      const { id } = await workflow();
      return { call: route(c, k, { id }), bad: route(c, k, { id: 'no_such_workflow' }), entityId: id };
    },
  }),
  write(`${ACCOUNTS}/webhooks/route.ts POST`, {
    action: 'webhook.create',
    entityType: 'webhook',
    table: 'WebhookEndpoint',
    prepare: async (c, k) => ({
      call: route(c, k, {}, { url: 'https://hooks.example.com/api', events: ['template_status_update'] }),
      bad: route(c, k, {}, { url: 'https://hooks.example.com/api', events: ['no_such_event'] }),
      entityId: idOf,
    }),
  }),
  write(`${ACCOUNTS}/webhooks/[id]/route.ts DELETE`, {
    action: 'webhook.delete',
    entityType: 'webhook',
    table: 'WebhookEndpoint',
    prepare: async (c, k) => {
      const { id } = await endpoint();
      return { call: route(c, k, { id }), bad: route(c, k, { id: 'no_such_webhook' }), entityId: id };
    },
  }),
]);

/** Server actions and routes that are not audited writes, and why. */
export const NOT_AUDITED: Record<string, string> = {
  [`${A.automation} getWorkflowVersionAction`]: 'reads only',
  [`${A.automation} listVersionsAction`]: 'reads only',
  [`${A.automation} instancePathAction`]: 'reads only',
  [`${A.automation} startTestRunAction`]: 'a test run of the editor’s draft: runs a workflow, changes no configuration',
  [`${A.automation} testRunReplyAction`]: 'the simulated customer’s reply: an inbound message, not a configuration write',
  '(console)/simulator/actions.ts loadConversationAction': 'reads only',
  '(console)/simulator/actions.ts customerReplyAction': 'the simulated customer’s message: an inbound message, not a configuration write',
  '(console)/simulator/actions.ts pressKeyAction': 'the simulated callee’s key press: DTMF input, not a configuration write',
  '(console)/templates/media-actions.ts uploadTemplateMediaAction': 'a sample file upload: stored media, not a configuration write',
  '(console)/actions.ts switchAccount': 'sets the account cookie; nothing is stored',
  '(console)/actions.ts signOutAction': 'ends the session (sign-in and sign-out are recorded as sessions, not audit entries)',
  'signin/actions.ts signInAction': 'sign-in: throttled and recorded as a session, not an audit entry',
  [`${ACCOUNTS}/triggers/http_request/route.ts POST`]: 'starts runs of the account’s workflows: not a configuration write',
  'api/v1/subaccounts/[subAccountId]/messages/route.ts POST': 'a send: recorded as the message and its status events',
  'api/v1/subaccounts/[subAccountId]/files/route.ts POST': 'a media upload: stored media, not a configuration write',
  'api/v1/subaccounts/[subAccountId]/sandbox/inbound/route.ts POST': 'a simulated inbound message, not a configuration write',
  'api/v1/subaccounts/[subAccountId]/sandbox/dtmf/route.ts POST': 'a simulated key press, not a configuration write',
  ...Object.fromEntries(['POST', 'PUT', 'PATCH', 'DELETE'].map((m) => [`api/v1/[...path]/route.ts ${m}`, 'no such endpoint: always a 404, writes nothing'])),
};
