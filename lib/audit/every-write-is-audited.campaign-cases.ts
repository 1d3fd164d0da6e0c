// The Campaigns pages' audited writes (app/(console)/campaigns/actions.ts), each from a fresh draft
// campaign of its own: an approved template and a stored two-row CSV, imported as the wizard does.
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { storeAudienceFile } from '@/lib/campaigns/audience/audience-file';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { launchCampaign } from '@/lib/campaigns/lifecycle/launch-campaign';
import { pauseCampaign } from '@/lib/campaigns/lifecycle/pause-campaign';
import { unique, idOf, action, write } from './every-write-is-audited.kit';

const CAMPAIGNS = '(console)/campaigns/actions.ts';

async function* bytes(text: string) {
  yield new TextEncoder().encode(text);
}

/** What a campaign is made of: an approved one-variable template and a stored CSV of two recipients. */
async function audience() {
  const name = unique('audit_campaign');
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
  const { fileId } = await storeAudienceFile(db, SYSTEM_ACTOR, {
    accountId: 'acme_corp',
    body: bytes('phone,name\n+15551230001,Ann\n+15551230002,Bo\n'),
    fileName: 'audit.csv',
  });
  const spec = {
    name: unique('Audit campaign'),
    subAccountId: 'acme_corp_chatapps',
    template: { name, language: 'en_US' },
    recipients: { msisdnColumn: 'phone' },
    parameters: { 'body.1': { column: 'name' } },
  };
  return { spec, fileId };
}

async function draft() {
  const { spec, fileId } = await audience();
  return createCampaign(db, SYSTEM_ACTOR, { accountId: 'acme_corp', spec, audience: { fileId } });
}

async function running() {
  const d = await draft();
  return launchCampaign(db, SYSTEM_ACTOR, 'acme_corp', d.id);
}

export const CAMPAIGN_WRITES = [
  write(`${CAMPAIGNS} createCampaignAction`, {
    action: 'campaign.create',
    entityType: 'campaign',
    table: 'Campaign',
    prepare: async (c, k) => {
      const { spec, fileId } = await audience();
      return {
        call: action(c, k, { spec, audience: { fileId } }),
        // A variable left unmapped: refused before anything is read.
        bad: action(c, k, { spec: { ...spec, parameters: {} }, audience: { fileId } }),
        entityId: idOf,
      };
    },
  }),
  write(`${CAMPAIGNS} launchCampaignAction`, {
    action: 'campaign.launch',
    entityType: 'campaign',
    table: 'Campaign',
    prepare: async (c, k) => {
      const d = await draft();
      return {
        call: action(c, k, { id: d.id, schedule: null, ratePerSecond: d.ratePerSecond }),
        bad: action(c, k, { id: 'no_such_campaign', schedule: null, ratePerSecond: d.ratePerSecond }),
        entityId: d.id,
      };
    },
  }),
  write(`${CAMPAIGNS} pauseCampaignAction`, {
    action: 'campaign.pause',
    entityType: 'campaign',
    table: 'Campaign',
    prepare: async (c, k) => {
      const r = await running();
      return { call: action(c, k, { id: r.id }), bad: action(c, k, { id: (await draft()).id }), entityId: r.id };
    },
  }),
  write(`${CAMPAIGNS} resumeCampaignAction`, {
    action: 'campaign.resume',
    entityType: 'campaign',
    table: 'Campaign',
    prepare: async (c, k) => {
      const r = await running();
      await pauseCampaign(db, SYSTEM_ACTOR, 'acme_corp', r.id);
      return { call: action(c, k, { id: r.id }), bad: action(c, k, { id: (await running()).id }), entityId: r.id };
    },
  }),
  write(`${CAMPAIGNS} cancelCampaignAction`, {
    action: 'campaign.cancel',
    entityType: 'campaign',
    table: 'Campaign',
    prepare: async (c, k) => {
      const d = await draft();
      return { call: action(c, k, { id: d.id }), bad: action(c, k, { id: 'no_such_campaign' }), entityId: d.id };
    },
  }),
  write(`${CAMPAIGNS} retryFailedCampaignAction`, {
    action: 'campaign.retry_failed',
    entityType: 'campaign',
    table: 'CampaignRecipient',
    prepare: async (c, k) => {
      const r = await running();
      // As dispatch leaves it when a handset was out of reach (1003, retryable) and the campaign ended.
      await db.campaignRecipient.updateMany({
        where: { campaignId: r.id },
        data: { status: 'failed', errorCode: 1003, errorMessage: 'Unreachable destination' },
      });
      await db.campaign.update({ where: { id: r.id }, data: { status: 'completed', pending: 0, failed: 2, completedAt: new Date() } });
      return { call: action(c, k, { id: r.id }), bad: action(c, k, { id: (await draft()).id }), entityId: r.id };
    },
  }),
  write(`${CAMPAIGNS} testSendCampaignAction`, {
    action: 'campaign.test_send',
    entityType: 'campaign',
    table: 'Message',
    prepare: async (c, k) => {
      const d = await draft();
      return {
        call: action(c, k, { id: d.id, msisdn: '+15551239876', row: 2 }),
        // Row 9 is not in the audience: nothing to send.
        bad: action(c, k, { id: d.id, msisdn: '+15551239876', row: 9 }),
        entityId: d.id,
      };
    },
  }),
  write(`${CAMPAIGNS} deleteCampaignAction`, {
    action: 'campaign.delete',
    entityType: 'campaign',
    table: 'Campaign',
    prepare: async (c, k) => {
      const d = await draft();
      return { call: action(c, k, { id: d.id }), bad: action(c, k, { id: (await running()).id }), entityId: d.id };
    },
  }),
];
