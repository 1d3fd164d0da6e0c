// Onboarding's writes (accounts, subaccounts, channels), from the console and the REST API, for
// every-write-is-audited.test.ts. Each case makes its own fresh rows.
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { createCustomerAccount } from '@/lib/partners/create-customer-account';
import { createChannel } from '@/lib/provisioning/create-channel';
import { createSubAccount } from '@/lib/provisioning/create-sub-account';
import { action, route, unique, write } from './every-write-is-audited.kit';

const ACCOUNTS = '(console)/partners/accounts/actions.ts';
const CHANNELS = '(console)/settings/channels/actions.ts';
const setup = { partnerId: 'demo_partner', userId: null, label: 'audit setup' };
const credentials = { apiKey: 'k-audit', subAccountId: 'eightbyeight_audit', webhookSecret: 's-audit' };
const freshId = (prefix: string) => unique(prefix).toLowerCase();

async function account(): Promise<string> {
  return (await createCustomerAccount(db, setup, { id: freshId('audit_acct'), name: 'Audit account', region: 'na' })).id;
}

/** A subaccount of its own for each case: a subaccount holds one channel of each kind. */
async function subAccount(): Promise<string> {
  return (await createSubAccount(db, SYSTEM_ACTOR, 'acme_corp', { id: freshId('audit_sa'), name: 'Audit subaccount' })).id;
}

async function eightByEightChannel(subAccountId: string): Promise<string> {
  return (
    await createChannel(db, SYSTEM_ACTOR, 'acme_corp', subAccountId, {
      id: freshId('audit_ch'),
      kind: 'whatsapp',
      address: '+6590001111',
      provider: '8x8',
      credentials,
    })
  ).id;
}

export const PROVISIONING_WRITES = [
  write(`${ACCOUNTS} createAccountAction`, {
    action: 'account.create',
    entityType: 'account',
    table: 'Account',
    prepare: async (c, k) => {
      const id = freshId('audit_new');
      return { call: action(c, k, { id, name: 'From the page', region: 'eu' }), bad: action(c, k, { id, name: 'Bad', region: 'mars' }), entityId: id };
    },
  }),
  write(`${ACCOUNTS} updateAccountAction`, {
    action: 'account.rename',
    entityType: 'account',
    table: 'Account',
    prepare: async (c, k) => {
      const id = await account();
      return { call: action(c, k, { id, change: { name: 'Renamed account' } }), bad: action(c, k, { id, change: { name: '' } }), entityId: id };
    },
  }),
  write(`${CHANNELS} createSubAccountAction`, {
    action: 'subaccount.create',
    entityType: 'subaccount',
    table: 'SubAccount',
    prepare: async (c, k) => {
      const id = freshId('audit_sub');
      return { call: action(c, k, { id, name: 'Support' }), bad: action(c, k, { id: 'x', name: 'Support' }), entityId: id };
    },
  }),
  write(`${CHANNELS} createChannelAction`, {
    action: 'channel.create',
    entityType: 'channel',
    table: 'Channel',
    prepare: async (c, k) => {
      const id = freshId('audit_ch');
      const channel = { id, kind: 'whatsapp', address: '+6590002222', provider: '8x8', credentials };
      const subAccountId = await subAccount();
      return {
        call: action(c, k, { subAccountId, channel }),
        bad: action(c, k, { subAccountId, channel: { ...channel, address: 'not a number' } }),
        entityId: id,
      };
    },
  }),
  write(`${CHANNELS} updateChannelAction`, {
    action: 'channel.update',
    entityType: 'channel',
    table: 'Channel',
    prepare: async (c, k) => {
      const subAccountId = await subAccount();
      const base = { subAccountId, channelId: await eightByEightChannel(subAccountId) };
      return {
        call: action(c, k, { ...base, change: { credentials: { apiKey: 'k-rotated' } } }),
        bad: action(c, k, { ...base, change: { name: '' } }),
        entityId: base.channelId,
      };
    },
  }),
  write('api/v1/partners/[partnerId]/accounts/route.ts POST', {
    action: 'account.create',
    entityType: 'account',
    table: 'Account',
    prepare: async (c, k) => {
      const id = freshId('audit_api');
      const params = { partnerId: 'demo_partner' };
      return {
        call: route(c, k, params, { id, name: 'By API', region: 'id' }),
        bad: route(c, k, params, { id, name: 'By API', region: 'moon' }),
        entityId: id,
      };
    },
  }),
  write('api/v1/partners/[partnerId]/accounts/[accountId]/route.ts PATCH', {
    action: 'account.suspend',
    entityType: 'account',
    table: 'Account',
    prepare: async (c, k) => {
      const params = { partnerId: 'demo_partner', accountId: await account() };
      return { call: route(c, k, params, { suspended: true }), bad: route(c, k, params, { suspended: 'yes' }), entityId: params.accountId };
    },
  }),
  write('api/v1/accounts/[accountId]/subaccounts/route.ts POST', {
    action: 'subaccount.create',
    entityType: 'subaccount',
    table: 'SubAccount',
    prepare: async (c, k) => {
      const id = freshId('audit_api_sub');
      return { call: route(c, k, {}, { id, name: 'By API' }), bad: route(c, k, {}, { id, name: '' }), entityId: id };
    },
  }),
  write('api/v1/subaccounts/[subAccountId]/channels/route.ts POST', {
    action: 'channel.create',
    entityType: 'channel',
    table: 'Channel',
    prepare: async (c, k) => {
      const id = freshId('audit_api_ch');
      const params = { subAccountId: await subAccount() };
      const body = { id, kind: 'sms', address: 'Acme', provider: 'sandbox' };
      return { call: route(c, k, params, body), bad: route(c, k, params, { ...body, address: 'Far too long sender' }), entityId: id };
    },
  }),
  write('api/v1/subaccounts/[subAccountId]/channels/[channelId]/route.ts PATCH', {
    action: 'channel.update',
    entityType: 'channel',
    table: 'Channel',
    prepare: async (c, k) => {
      const subAccountId = await subAccount();
      const params = { subAccountId, channelId: await eightByEightChannel(subAccountId) };
      return { call: route(c, k, params, { name: 'Renamed by API' }), bad: route(c, k, params, { name: 42 }), entityId: params.channelId };
    },
  }),
];

export const PROVISIONING_NOT_AUDITED: Record<string, string> = {
  [`${CHANNELS} sendChannelTestAction`]: 'a send: recorded as the message and its status events',
  [`${CHANNELS} channelTestStatusAction`]: 'reads only',
};
