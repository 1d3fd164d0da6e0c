import type { ApiOperation } from '@/lib/api/openapi/operation';
import { ref, zodRef } from '@/lib/api/openapi/zod-json-schema';
import { page } from '@/lib/api/openapi/response-schemas';
import { CAMPAIGN_STATUSES, RECIPIENT_STATUSES, campaignSpecSchema } from '@/lib/campaigns/campaign-spec';
import { testSendSchema } from '@/lib/campaigns/lifecycle/test-send-campaign';

const paging = [
  { name: 'limit', description: 'Page size, 1 to 500 (default 50)', schema: { type: 'integer', minimum: 1, maximum: 500 } },
  { name: 'cursor', description: 'The nextCursor of the previous page', schema: { type: 'string' } },
];
const campaign = { description: 'The campaign', schema: ref('Campaign') };

/** launch, pause, resume, cancel, retry-failed: one shape, each answering the campaign or 409. */
function lifecycle(action: string, operationId: string, summary: string, description: string): ApiOperation {
  return {
    method: 'POST',
    path: `/accounts/{accountId}/campaigns/{id}/${action}`,
    operationId,
    tag: 'Campaigns',
    summary,
    description: `${description} A status that does not allow it is a 409.`,
    permission: 'campaigns.send',
    responses: { 200: campaign },
    errors: [404, 409],
  };
}

export const CAMPAIGN_OPERATIONS: ApiOperation[] = [
  {
    method: 'POST',
    path: '/accounts/{accountId}/campaigns',
    operationId: 'createCampaign',
    tag: 'Campaigns',
    summary: 'Create a draft campaign',
    description:
      'From a CSV (`multipart/form-data` with `file` and the JSON `spec`) or from contacts by tag (the spec as JSON with `contactsTag`). Every template variable must be mapped to a column or a value. Answers the draft with its counts (`valid + invalid + duplicates + optedOut = rows`) and cost estimate.',
    permission: 'campaigns.send',
    body: {
      schema: campaignSpecSchema,
      example: {
        name: 'Summer sale',
        subAccountId: 'acme_corp_chatapps',
        template: { name: 'order_shipped_v2', language: 'en_US' },
        contactsTag: 'vip',
        parameters: { 'body.1': { column: 'name', fallback: 'there' }, 'body.2': { value: 'SUMMER' }, 'button.0': { value: 'summer' } },
      },
      alternatives: [
        {
          contentType: 'multipart/form-data',
          schema: {
            type: 'object',
            properties: {
              file: {
                type: 'string',
                format: 'binary',
                description: 'The CSV: UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1252; , ; tab or | delimited; a header row',
              },
              spec: { ...zodRef(campaignSpecSchema), description: 'The spec, as JSON text' },
            },
            required: ['file', 'spec'],
          },
        },
      ],
    },
    responses: { 201: { description: 'The draft', schema: ref('Campaign') } },
    errors: [400, 413],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/campaigns',
    operationId: 'listCampaigns',
    tag: 'Campaigns',
    summary: 'List campaigns',
    permission: 'campaigns.view',
    query: [{ name: 'status', schema: { type: 'string', enum: CAMPAIGN_STATUSES } }, ...paging],
    responses: { 200: { description: 'Newest first', schema: page('Campaign') } },
    errors: [400],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/campaigns/{id}',
    operationId: 'getCampaign',
    tag: 'Campaigns',
    summary: 'Get a campaign',
    permission: 'campaigns.view',
    responses: { 200: campaign },
    errors: [404],
  },
  {
    method: 'DELETE',
    path: '/accounts/{accountId}/campaigns/{id}',
    operationId: 'deleteCampaign',
    tag: 'Campaigns',
    summary: 'Delete a draft',
    description: 'Only a draft (409 otherwise), with its recipients and its stored CSV.',
    permission: 'campaigns.send',
    responses: { 204: { description: 'Deleted' } },
    errors: [404, 409],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/campaigns/{id}/recipients',
    operationId: 'listCampaignRecipients',
    tag: 'Campaigns',
    summary: 'List recipients',
    description: 'In CSV row order. With `format=csv` (or `Accept: text/csv`) the downloadable report, streamed.',
    permission: 'campaigns.view',
    query: [
      { name: 'status', schema: { type: 'string', enum: RECIPIENT_STATUSES } },
      { name: 'format', schema: { type: 'string', enum: ['json', 'csv'] } },
      ...paging,
    ],
    responses: { 200: { description: 'A page of recipients', schema: page('CampaignRecipient'), csv: true } },
    errors: [400, 404],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/campaigns/{id}/preview',
    operationId: 'previewCampaignRecipient',
    tag: 'Campaigns',
    summary: 'Preview a row’s message',
    permission: 'campaigns.view',
    query: [{ name: 'row', description: 'The CSV line number (default: the first valid row)', schema: { type: 'integer', minimum: 2 } }],
    responses: { 200: { description: 'The send payload of that row', schema: ref('CampaignPreview') } },
    errors: [400, 404],
  },
  {
    method: 'POST',
    path: '/accounts/{accountId}/campaigns/{id}/test',
    operationId: 'testSendCampaign',
    tag: 'Campaigns',
    summary: 'Send a test message',
    description: 'That row’s message (the first valid row by default) sent to `msisdn` now, outside the campaign.',
    permission: 'campaigns.send',
    body: { schema: testSendSchema, example: { msisdn: '+6591234567' } },
    responses: { 200: { description: 'Sent', schema: ref('SendMessageResult') } },
    errors: [400, 404, 409],
  },
  lifecycle('launch', 'launchCampaign', 'Launch a draft', 'Runs now, or is scheduled for its `schedule`.'),
  lifecycle('pause', 'pauseCampaign', 'Pause a campaign', 'A running or scheduled campaign stops sending.'),
  lifecycle('resume', 'resumeCampaign', 'Resume a campaign', 'A paused campaign goes on where it stopped.'),
  lifecycle('cancel', 'cancelCampaign', 'Cancel a campaign', 'Its pending recipients are skipped.'),
  lifecycle('retry-failed', 'retryFailedCampaign', 'Retry failed recipients', 'Sends again to the recipients whose error is retryable.'),
];
