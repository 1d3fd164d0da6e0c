import type { ApiOperation } from '@/lib/api/openapi/operation';
import { ref } from '@/lib/api/openapi/zod-json-schema';
import { page } from '@/lib/api/openapi/response-schemas';
import { createCustomerAccountInput } from '@/lib/partners/create-customer-account';
import { listCustomerAccountsQuery } from '@/lib/provisioning/list-customer-accounts';
import { updateCustomerAccountInput } from '@/lib/provisioning/update-customer-account';
import { createChannelInput, createSubAccountInput, updateChannelInput } from '@/lib/provisioning/channel-input';

// API.md "Provisioning": a partner's key adds customer accounts; an account's key adds subaccounts
// and channels. Credentials go in and never come back out.

const account = { description: 'The account', schema: ref('CustomerAccount') };
const channel = { description: 'The channel', schema: ref('Channel') };

export const PROVISIONING_OPERATIONS: ApiOperation[] = [
  {
    method: 'POST',
    path: '/partners/{partnerId}/accounts',
    operationId: 'createCustomerAccount',
    tag: 'Provisioning',
    summary: 'Create a customer account',
    description: 'Under your partner, with a default subaccount of the same id. The 8x8 region is fixed once created. A taken id is a 409.',
    permission: 'partners.accounts.manage',
    body: { schema: createCustomerAccountInput, example: { id: 'globex', name: 'Globex', region: 'eu' } },
    responses: { 201: { description: 'Created', schema: ref('CustomerAccount') } },
    errors: [400, 404, 409],
  },
  {
    method: 'GET',
    path: '/partners/{partnerId}/accounts',
    operationId: 'listCustomerAccounts',
    tag: 'Provisioning',
    summary: 'List customer accounts',
    permission: 'partners.accounts.manage',
    query: listCustomerAccountsQuery,
    responses: { 200: { description: 'Newest first', schema: page('CustomerAccount') } },
    errors: [400, 404],
  },
  {
    method: 'GET',
    path: '/partners/{partnerId}/accounts/{accountId}',
    operationId: 'getCustomerAccount',
    tag: 'Provisioning',
    summary: 'Get a customer account',
    permission: 'partners.accounts.manage',
    pathParams: { accountId: 'A customer account of your partner' },
    responses: { 200: account },
    errors: [404],
  },
  {
    method: 'PATCH',
    path: '/partners/{partnerId}/accounts/{accountId}',
    operationId: 'updateCustomerAccount',
    tag: 'Provisioning',
    summary: 'Rename, suspend or resume an account',
    description: 'A suspended account’s API keys and sends are refused until it is resumed. A key cannot suspend its own account.',
    permission: 'partners.accounts.manage',
    pathParams: { accountId: 'A customer account of your partner' },
    body: { schema: updateCustomerAccountInput, example: { suspended: true } },
    responses: { 200: account },
    errors: [400, 404, 409],
  },
  {
    method: 'POST',
    path: '/accounts/{accountId}/subaccounts',
    operationId: 'createSubaccount',
    tag: 'Provisioning',
    summary: 'Create a subaccount',
    permission: 'settings.channels.manage',
    body: { schema: createSubAccountInput, example: { id: 'acme_corp_support', name: 'Support' } },
    responses: {
      201: {
        description: 'Created',
        schema: {
          type: 'object',
          properties: { id: { type: 'string' }, accountId: { type: 'string' }, name: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } },
        },
      },
    },
    errors: [400, 409],
  },
  {
    method: 'POST',
    path: '/subaccounts/{subAccountId}/channels',
    operationId: 'createChannel',
    tag: 'Provisioning',
    summary: 'Add a channel',
    description:
      'A WhatsApp number or SMS sender on the built-in sandbox or on 8x8. For 8x8, `credentials` are 8x8’s API key, the 8x8 subaccount to send as, and the secret 8x8 presents on webhooks; they are stored encrypted and never answered.',
    permission: 'settings.channels.manage',
    body: { schema: createChannelInput, example: { id: 'acme_corp_wa2', kind: 'whatsapp', address: '+6591230000', provider: 'sandbox' } },
    responses: { 201: { description: 'Created', schema: ref('Channel') } },
    errors: [400, 404, 409],
  },
  {
    method: 'GET',
    path: '/subaccounts/{subAccountId}/channels',
    operationId: 'listChannels',
    tag: 'Provisioning',
    summary: 'List a subaccount’s channels',
    permission: 'settings.channels.manage',
    responses: { 200: { description: 'The channels', schema: page('Channel') } },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/subaccounts/{subAccountId}/channels/{channelId}',
    operationId: 'getChannel',
    tag: 'Provisioning',
    summary: 'Get a channel',
    permission: 'settings.channels.manage',
    responses: { 200: channel },
    errors: [404],
  },
  {
    method: 'PATCH',
    path: '/subaccounts/{subAccountId}/channels/{channelId}',
    operationId: 'updateChannel',
    tag: 'Provisioning',
    summary: 'Rename a channel or rotate its credentials',
    description: 'A blank or absent credential keeps the stored one.',
    permission: 'settings.channels.manage',
    body: { schema: updateChannelInput, example: { credentials: { webhookSecret: 'new-secret' } } },
    responses: { 200: channel },
    errors: [400, 404],
  },
];
