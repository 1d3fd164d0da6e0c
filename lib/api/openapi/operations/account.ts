import type { ApiOperation } from '@/lib/api/openapi/operation';
import { ref } from '@/lib/api/openapi/zod-json-schema';
import { usageQuerySchema } from '@/lib/analytics/usage-query';
import { createEndpointInput } from '@/lib/webhooks/endpoints';

const usageFilters = [
  { name: 'from', description: 'First local day, YYYY-MM-DD', schema: { type: 'string', format: 'date' } },
  { name: 'to', description: 'Last local day, YYYY-MM-DD', schema: { type: 'string', format: 'date' } },
  { name: 'subAccountId', schema: { type: 'string' } },
  { name: 'channel', schema: { type: 'string', enum: ['whatsapp', 'sms', 'voice'] } },
  { name: 'timeZone', description: 'IANA or Windows id (default: the account’s)', schema: { type: 'string' } },
];

export const ACCOUNT_OPERATIONS: ApiOperation[] = [
  {
    method: 'GET',
    path: '/accounts/{accountId}/subaccounts',
    operationId: 'listSubaccounts',
    tag: 'Account',
    summary: 'List subaccounts and channels',
    description: 'The account’s structure: every subaccount with its channels. Any valid key may read it.',
    permission: null,
    responses: {
      200: {
        description: 'The subaccounts',
        schema: { type: 'object', properties: { data: { type: 'array', items: ref('SubAccount') } }, required: ['data'] },
      },
    },
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/reports/usage',
    operationId: 'usageReport',
    tag: 'Reports',
    summary: 'Usage report',
    description:
      'Messages, outcomes, conversations and cost per period (`interval`) and per `groupBy` keys (comma-separated). Counts equal what the Logs API lists for the same filters. `format=csv` exports it.',
    permission: 'reports.view',
    query: usageQuerySchema,
    responses: { 200: { description: 'The report', schema: ref('UsageReport'), csv: true } },
    errors: [400],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/reports/summary',
    operationId: 'usageSummary',
    tag: 'Reports',
    summary: 'Dashboard summary',
    description: 'The Dashboard’s numbers for the range.',
    permission: 'reports.view',
    query: usageFilters,
    responses: { 200: { description: 'The summary', schema: ref('UsageSummary') } },
    errors: [400],
  },
  {
    method: 'POST',
    path: '/accounts/{accountId}/webhooks',
    operationId: 'createWebhook',
    tag: 'Webhooks',
    summary: 'Register a webhook',
    description:
      'Parley POSTs the chosen events (the 8x8 payloads) to `url`, signed with `X-Parley-Signature: sha256=<HMAC of the raw body with the secret>`, retried with backoff on non-2xx. The secret is answered once.',
    permission: 'settings.webhooks.manage',
    body: {
      schema: createEndpointInput,
      example: { url: 'https://hooks.example.com/parley', events: ['inbound_message_received', 'outbound_message_status_changed'] },
    },
    responses: { 201: { description: 'Registered, with its secret', schema: ref('Webhook') } },
    errors: [400, 404],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/webhooks',
    operationId: 'listWebhooks',
    tag: 'Webhooks',
    summary: 'List webhooks',
    permission: 'settings.webhooks.manage',
    responses: { 200: { description: 'The webhooks', schema: { type: 'object', properties: { data: { type: 'array', items: ref('Webhook') } } } } },
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/webhooks/{id}',
    operationId: 'getWebhook',
    tag: 'Webhooks',
    summary: 'Get a webhook',
    description: 'With its 20 most recent deliveries (attempts, last status).',
    permission: 'settings.webhooks.manage',
    responses: {
      200: {
        description: 'The webhook',
        schema: {
          allOf: [
            ref('Webhook'),
            { type: 'object', properties: { recentDeliveries: { type: 'array', items: { type: 'object', additionalProperties: true } } } },
          ],
        },
      },
    },
    errors: [404],
  },
  {
    method: 'DELETE',
    path: '/accounts/{accountId}/webhooks/{id}',
    operationId: 'deleteWebhook',
    tag: 'Webhooks',
    summary: 'Delete a webhook',
    permission: 'settings.webhooks.manage',
    responses: { 204: { description: 'Deleted' } },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'Documentation',
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of this API. Public (it holds no account data) and cacheable.',
    permission: null,
    public: true,
    responses: { 200: { description: 'The OpenAPI document', schema: { type: 'object', additionalProperties: true } } },
  },
];
