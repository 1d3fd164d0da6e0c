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

/**
 * A campaign of the demo account as import and dispatch leave it, stored directly: an approved
 * one-variable template and two recipients in `recipients` state (failed ones with 1003, retryable).
 */
async function storedCampaign(status: string, recipients: 'pending' | 'failed' = 'pending'): Promise<string> {
  const name = unique('audit_api_campaign');
  await db.template.create({
    data: {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      channelId: 'acme_corp_whatsapp',
      name,
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hi {{1}}, your order is ready.', examples: ['Ann'] }],
      status: 'APPROVED',
    },
  });
  const id = unique('cmp');
  const now = new Date();
  await db.campaign.create({
    data: {
      id,
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      channelId: 'acme_corp_whatsapp',
      name: `Audit ${id}`,
      templateName: name,
      templateLanguage: 'en_US',
      category: 'utility',
      spec: { name: `Audit ${id}`, subAccountId: 'acme_corp_chatapps', template: { name, language: 'en_US' }, parameters: { 'body.1': { column: 'name' } } },
      columns: ['phone', 'name'],
      slotKeys: ['body.1'],
      status,
      ratePerSecond: 80,
      rows: 2,
      valid: 2,
      [recipients]: 2,
      createdAt: now,
      updatedAt: now,
    },
  });
  await db.campaignRecipient.createMany({
    data: [2, 3].map((row) => ({
      campaignId: id,
      row,
      msisdn: `+155512340${row}1`,
      country: 'US',
      status: recipients,
      values: ['Ann'],
      ...(recipients === 'failed' ? { errorCode: 1003, errorMessage: 'Unreachable destination' } : {}),
    })),
  });
  return id;
}

const CAMPAIGN = `${ACCOUNTS}/campaigns/[id]`;

/** Two contacts with a tag of their own and an approved one-variable template: what a campaign by tag is made of. */
async function taggedAudience(): Promise<{ tag: string; template: string }> {
  const tag = unique('audit_tag');
  const template = unique('audit_api_import');
  await db.template.create({
    data: {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      channelId: 'acme_corp_whatsapp',
      name: template,
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hi {{1}}, your order is ready.', examples: ['Ann'] }],
      status: 'APPROVED',
    },
  });
  const now = new Date();
  for (const msisdn of [freshMsisdn(), freshMsisdn()]) {
    await db.contact.create({ data: { accountId: 'acme_corp', msisdn, name: 'Ann', attributes: {}, tags: [tag], createdAt: now, updatedAt: now } });
    await db.contactTag.create({ data: { accountId: 'acme_corp', tag, msisdn } });
  }
  return { tag, template };
}

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
  // Campaigns, under the key: each case from fresh campaigns of its own.
  write(`${ACCOUNTS}/campaigns/route.ts POST`, {
    action: 'campaign.create',
    entityType: 'campaign',
    table: 'Campaign',
    prepare: async (c, k) => {
      const { tag, template } = await taggedAudience();
      const body = {
        name: 'Audit import',
        subAccountId: 'acme_corp_chatapps',
        template: { name: template, language: 'en_US' },
        parameters: { 'body.1': { column: 'name' } },
        contactsTag: tag,
      };
      // Every variable must be mapped: 400.
      return { call: route(c, k, {}, body), bad: route(c, k, {}, { ...body, parameters: {} }), entityId: idOf };
    },
  }),
  write(`${CAMPAIGN}/route.ts DELETE`, {
    action: 'campaign.delete',
    entityType: 'campaign',
    table: 'Campaign',
    prepare: async (c, k) => {
      const id = await storedCampaign('draft');
      // Only a draft can be deleted: 409.
      return { call: route(c, k, { id }), bad: route(c, k, { id: await storedCampaign('running') }), entityId: id };
    },
  }),
  write(`${CAMPAIGN}/launch/route.ts POST`, {
    action: 'campaign.launch',
    entityType: 'campaign',
    table: 'Campaign',
    prepare: async (c, k) => {
      const id = await storedCampaign('draft');
      return { call: route(c, k, { id }), bad: route(c, k, { id: 'no_such_campaign' }), entityId: id };
    },
  }),
  write(`${CAMPAIGN}/pause/route.ts POST`, {
    action: 'campaign.pause',
    entityType: 'campaign',
    table: 'Campaign',
    prepare: async (c, k) => {
      const id = await storedCampaign('running');
      // A draft cannot be paused: 409.
      return { call: route(c, k, { id }), bad: route(c, k, { id: await storedCampaign('draft') }), entityId: id };
    },
  }),
  write(`${CAMPAIGN}/resume/route.ts POST`, {
    action: 'campaign.resume',
    entityType: 'campaign',
    table: 'Campaign',
    prepare: async (c, k) => {
      const id = await storedCampaign('paused');
      return { call: route(c, k, { id }), bad: route(c, k, { id: await storedCampaign('running') }), entityId: id };
    },
  }),
  write(`${CAMPAIGN}/cancel/route.ts POST`, {
    action: 'campaign.cancel',
    entityType: 'campaign',
    // The pending recipients become skipped in the same transaction.
    table: 'CampaignRecipient',
    prepare: async (c, k) => {
      const id = await storedCampaign('running');
      return { call: route(c, k, { id }), bad: route(c, k, { id: await storedCampaign('cancelled') }), entityId: id };
    },
  }),
  write(`${CAMPAIGN}/retry-failed/route.ts POST`, {
    action: 'campaign.retry_failed',
    entityType: 'campaign',
    table: 'CampaignRecipient',
    prepare: async (c, k) => {
      const id = await storedCampaign('completed', 'failed');
      return { call: route(c, k, { id }), bad: route(c, k, { id: await storedCampaign('draft') }), entityId: id };
    },
  }),
  write(`${CAMPAIGN}/test/route.ts POST`, {
    action: 'campaign.test_send',
    entityType: 'campaign',
    table: 'Message',
    prepare: async (c, k) => {
      const id = await storedCampaign('draft');
      // Row 9 is not in the audience: nothing to send.
      return { call: route(c, k, { id }, { msisdn: '+15551239876', row: 2 }), bad: route(c, k, { id }, { msisdn: '+15551239876', row: 9 }), entityId: id };
    },
  }),
]);
