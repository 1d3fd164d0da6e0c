// The console's audited writes: each server action that changes configuration, driven as the signed-in
// admin. Keyed "<file under app/> <export>".
import crypto from 'node:crypto';
import path from 'node:path';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { updateWorkflow } from '@/lib/automation/workflows';
import { createApiKey } from '@/lib/auth/api-keys';
import { saveRate } from '@/lib/messaging/pricing/save-rate';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import {
  unique,
  idOf,
  action,
  workflowBody,
  workflow,
  template,
  endpoint,
  role,
  user,
  run,
  A,
  write,
  type Outcome,
  type AuditedWrite,
} from './every-write-is-audited.kit';
import { CAMPAIGN_WRITES } from './every-write-is-audited.campaign-cases';
import { CONTACT_WRITES } from './every-write-is-audited.contact-cases';

export const CONSOLE_WRITES: Record<string, AuditedWrite> = Object.fromEntries([
  // Campaigns, from the wizard, the review and the campaign page.
  ...CAMPAIGN_WRITES,
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
  // A rejected template fixed and resubmitted as its version 2 (editing an approved one is the same action).
  write(`${A.templates} editTemplateAction`, {
    action: 'template.edit',
    entityType: 'template',
    table: 'Template',
    prepare: async (c, k) => {
      const t = await template();
      await db.template.update({ where: { id: t.id }, data: { status: 'REJECTED', reason: 'INVALID_FORMAT', reviewDueAt: null } });
      const payload = { ...creation[0], name: t.name, components: [{ type: 'BODY', text: 'Your appointment is confirmed. See you soon.' }] };
      return { call: action(c, k, { id: t.id, payload }), bad: action(c, k, { id: t.id, payload: { ...payload, name: unique('renamed') } }), entityId: t.id };
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
  write(`${A.webhooks} updateWebhookAction`, {
    action: 'webhook.update',
    entityType: 'webhook',
    table: 'WebhookEndpoint',
    prepare: async (c, k) => {
      const { id } = await endpoint();
      return {
        call: action(c, k, { id, url: 'https://hooks.example.com/changed', events: ['template_status_update', 'inbound_message_received'] }),
        bad: action(c, k, { id, url: 'https://hooks.example.com/changed', events: [] }),
        entityId: id,
      };
    },
  }),
  // The test event and its delivery are stored with the entry; the attempt that follows is recorded as every attempt is.
  write(`${A.webhooks} sendTestEventAction`, {
    action: 'webhook.test',
    entityType: 'webhook',
    table: 'WebhookDelivery',
    prepare: async (c, k) => {
      const { id } = await endpoint();
      return { call: action(c, k, { id }), bad: action(c, k, { id, eventType: 'inbound_message_received' }), entityId: id };
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
  // The account's time zone, with the recount of its day rollups in the same transaction.
  write('(console)/settings/account/actions.ts setAccountTimeZoneAction', {
    action: 'account.time_zone.update',
    entityType: 'account',
    table: 'Account',
    prepare: async (c, k) => {
      await db.account.update({ where: { id: 'acme_corp' }, data: { timeZone: 'UTC' } });
      return { call: action(c, k, { timeZone: 'Asia/Singapore' }), bad: action(c, k, { timeZone: 'Mars/Base' }), entityId: 'acme_corp' };
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
  ...CONTACT_WRITES,
]);
