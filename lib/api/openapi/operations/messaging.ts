import type { ApiOperation } from '@/lib/api/openapi/operation';
import { ref, zodRef } from '@/lib/api/openapi/zod-json-schema';
import { page } from '@/lib/api/openapi/response-schemas';
import { CONTENT_SCHEMAS, MESSAGE_TYPES, sendEnvelopeSchema } from '@/lib/messaging/send-schema';
import { logsQuerySchema } from '@/lib/messaging/logs/logs-query-schema';
import { sandboxDtmfSchema, sandboxInboundSchema } from '@/lib/messaging/sandbox-schemas';

// The route checks the envelope, then `content` with the schema of its `type` (send-message.ts): the
// document says the same with the envelope and one content schema per type.
const sendBody = {
  allOf: [
    zodRef(sendEnvelopeSchema),
    {
      type: 'object',
      properties: {
        type: { type: 'string', enum: MESSAGE_TYPES, description: 'Any case: "Text" is read as text.' },
        content: { description: 'The content of that type, as in the 8x8 send API.', anyOf: MESSAGE_TYPES.map((t) => zodRef(CONTENT_SCHEMAS[t])) },
      },
    },
  ],
};

export const MESSAGING_OPERATIONS: ApiOperation[] = [
  {
    method: 'POST',
    path: '/subaccounts/{subAccountId}/messages',
    operationId: 'sendMessage',
    tag: 'Messages',
    summary: 'Send a message',
    description:
      'Sends one WhatsApp or SMS message (text, template, interactive, media or location) as the 8x8 Chat Apps API does. Checked at once (400 with code 1002, 1005, 3038, 3040 or 3041); the outcome arrives asynchronously (queued → sent → delivered → read) in the Logs API and the `outbound_message_status_changed` webhook. `clientMessageId` is an idempotency key per subaccount.',
    permission: 'messages.send',
    body: { schema: sendBody, example: { user: { msisdn: '+6591234567' }, type: 'text', content: { text: 'Hello from Parley' } } },
    responses: { 200: { description: 'Accepted: queued for sending', schema: ref('SendMessageResult') } },
    errors: [400, 404],
  },
  {
    method: 'GET',
    path: '/subaccounts/{subAccountId}/messages',
    operationId: 'listMessages',
    tag: 'Messages',
    summary: 'List messages (Logs API)',
    description: 'Both directions, newest first, with cursor pages. Dates in `from`/`to` are ISO 8601.',
    permission: 'logs.view',
    query: logsQuerySchema,
    responses: { 200: { description: 'A page of messages', schema: page('Message') } },
    errors: [400, 404],
  },
  {
    method: 'GET',
    path: '/subaccounts/{subAccountId}/messages/{umid}',
    operationId: 'getMessage',
    tag: 'Messages',
    summary: 'Get one message',
    permission: 'logs.view',
    responses: { 200: { description: 'The message', schema: ref('Message') } },
    errors: [404],
  },
  {
    method: 'POST',
    path: '/subaccounts/{subAccountId}/files',
    operationId: 'uploadFile',
    tag: 'Messages',
    summary: 'Upload media',
    description:
      'A multipart upload (field `file`) of an image, video, audio or document; the answered URL serves the file and can be used in a media message.',
    permission: 'messages.send',
    body: {
      contentType: 'multipart/form-data',
      schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' } }, required: ['file'] },
    },
    responses: { 201: { description: 'Stored', schema: ref('UploadedFile') } },
    errors: [400, 404, 413],
  },
  {
    method: 'POST',
    path: '/subaccounts/{subAccountId}/sandbox/inbound',
    operationId: 'sandboxInbound',
    tag: 'Sandbox',
    summary: 'Simulate an inbound message',
    description:
      'A customer of the sandbox channel sends a message: logged, opens the 24 h window, resumes a waiting workflow or starts inbound workflows, and fires `inbound_message_received`.',
    permission: 'simulator.use',
    body: { schema: sandboxInboundSchema, example: { channel: 'whatsapp', user: { msisdn: '+6591234567' }, type: 'text', content: { text: 'Hi' } } },
    responses: { 202: { description: 'Received', schema: { type: 'object', properties: { umid: { type: 'string' } }, required: ['umid'] } } },
    errors: [400, 404],
  },
  {
    method: 'POST',
    path: '/subaccounts/{subAccountId}/sandbox/dtmf',
    operationId: 'sandboxDtmf',
    tag: 'Sandbox',
    summary: 'Simulate key presses on a call',
    permission: 'simulator.use',
    body: { schema: sandboxDtmfSchema, example: { destination: '+6591234567', dtmf: '1' } },
    responses: { 202: { description: 'Received', schema: { type: 'object', additionalProperties: true } } },
    errors: [400, 404],
  },
];
