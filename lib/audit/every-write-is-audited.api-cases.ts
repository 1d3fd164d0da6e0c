// The REST API's audited writes, driven with the demo key. Keyed "api/v1/<route file> <METHOD>".
import crypto from 'node:crypto';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { upsertContact } from '@/lib/contacts/upsert-contact';
import { addOptOut } from '@/lib/contacts/add-opt-out';
import { unique, idOf, route, workflowBody, workflow, template, endpoint, ACCOUNTS, write, type AuditedWrite } from './every-write-is-audited.kit';

// A number no other case uses (each case is prepared on the same database).
const freshMsisdn = () => `+6594${crypto.randomInt(0, 1_000_000).toString().padStart(6, '0')}`;

export const API_WRITES: Record<string, AuditedWrite> = Object.fromEntries([
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
  write(`${ACCOUNTS}/contacts/[msisdn]/route.ts PUT`, {
    action: 'contact.create',
    entityType: 'contact',
    table: 'Contact',
    prepare: async (c, k) => {
      const msisdn = freshMsisdn();
      return {
        call: route(c, k, { msisdn }, { name: 'By the API', attributes: { city: 'Singapore' }, tags: ['audit'] }),
        bad: route(c, k, { msisdn }, { attributes: 'not an object' }),
        entityId: msisdn,
      };
    },
  }),
  write(`${ACCOUNTS}/contacts/[msisdn]/route.ts DELETE`, {
    action: 'contact.delete',
    entityType: 'contact',
    table: 'Contact',
    prepare: async (c, k) => {
      const msisdn = freshMsisdn();
      await upsertContact(db, 'acme_corp', msisdn, { name: 'Doomed' }, { actor: SYSTEM_ACTOR });
      return { call: route(c, k, { msisdn }), bad: route(c, k, { msisdn: freshMsisdn() }), entityId: msisdn };
    },
  }),
  write(`${ACCOUNTS}/opt-outs/[msisdn]/route.ts PUT`, {
    action: 'opt_out.add',
    entityType: 'opt_out',
    table: 'OptOut',
    prepare: async (c, k) => {
      const msisdn = freshMsisdn();
      return { call: route(c, k, { msisdn }), bad: route(c, k, { msisdn: 'not-a-number' }), entityId: msisdn };
    },
  }),
  write(`${ACCOUNTS}/opt-outs/[msisdn]/route.ts DELETE`, {
    action: 'opt_out.remove',
    entityType: 'opt_out',
    table: 'OptOut',
    prepare: async (c, k) => {
      const msisdn = freshMsisdn();
      await addOptOut(db, 'acme_corp', msisdn, { source: 'api', actor: SYSTEM_ACTOR });
      return { call: route(c, k, { msisdn }), bad: route(c, k, { msisdn: freshMsisdn() }), entityId: msisdn };
    },
  }),
]);
