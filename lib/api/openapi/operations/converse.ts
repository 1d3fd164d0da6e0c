import type { ApiOperation } from '@/lib/api/openapi/operation';
import { ref, zodRef } from '@/lib/api/openapi/zod-json-schema';
import { page } from '@/lib/api/openapi/response-schemas';
import { configSchema, listTicketsQuerySchema, noteSchema, openTicketSchema, updateTicketSchema } from '@/lib/converse/converse-schemas';
import { CONTENT_SCHEMAS, MESSAGE_TYPES } from '@/lib/messaging/send-schema';

// A reply goes through the send pipeline with the ticket's customer as the recipient: the send
// body without `user`, its content checked by the same per-type schemas.
const replyBody = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: MESSAGE_TYPES },
    content: { anyOf: MESSAGE_TYPES.map((t) => zodRef(CONTENT_SCHEMAS[t])) },
    clientMessageId: { type: 'string', maxLength: 200 },
  },
  required: ['type', 'content'],
};
const ticket = { description: 'The ticket', schema: ref('Ticket') };

export const CONVERSE_OPERATIONS: ApiOperation[] = [
  {
    method: 'GET',
    path: '/accounts/{accountId}/converse/tickets',
    operationId: 'listTickets',
    tag: 'Converse',
    summary: 'List tickets',
    description: 'An API key is not a person: it holds no tickets (`view=mine` is empty) and sees every ticket of its account.',
    permission: 'converse.agent',
    query: listTicketsQuerySchema,
    responses: { 200: { description: 'A page of tickets', schema: page('Ticket') } },
    errors: [400],
  },
  {
    method: 'POST',
    path: '/accounts/{accountId}/converse/tickets',
    operationId: 'openTicket',
    tag: 'Converse',
    summary: 'Hand a customer over to agents',
    description:
      'Opens a ticket for the customer on the subaccount, or joins the conversation’s open one (200). While it is open the customer’s messages go to it.',
    permission: 'converse.agent',
    body: { schema: openTicketSchema, example: { subAccountId: 'acme_corp_chatapps', msisdn: '+6591234567' } },
    responses: { 200: { description: 'The open ticket, joined', schema: ref('Ticket') }, 201: { description: 'A new ticket', schema: ref('Ticket') } },
    errors: [400, 404],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/converse/tickets/{id}',
    operationId: 'getTicket',
    tag: 'Converse',
    summary: 'Get a ticket',
    description: 'With the conversation (both directions, the bot’s part included) and the internal notes.',
    permission: 'converse.agent',
    responses: { 200: ticket },
    errors: [404],
  },
  {
    method: 'PATCH',
    path: '/accounts/{accountId}/converse/tickets/{id}',
    operationId: 'updateTicket',
    tag: 'Converse',
    summary: 'Change status or assignee',
    description:
      'Assigning needs the Converse Supervisor scope; an agent at `maxAssignedTicketsPerAgent` open tickets is a 409. `assigneeId: null` gives the ticket back to the queue.',
    permission: 'converse.agent',
    body: { schema: updateTicketSchema, example: { status: 'resolved' } },
    responses: { 200: ticket },
    errors: [400, 404, 409],
  },
  {
    method: 'POST',
    path: '/accounts/{accountId}/converse/tickets/{id}/messages',
    operationId: 'replyToTicket',
    tag: 'Converse',
    summary: 'Reply to the customer',
    description: 'Sent through the send pipeline. A freeform message outside the 24 h window is a 409 naming the window: send an approved template instead.',
    permission: 'converse.agent',
    body: { schema: replyBody, example: { type: 'text', content: { text: 'Thanks, we are on it.' } } },
    responses: {
      201: {
        description: 'Queued',
        schema: {
          type: 'object',
          properties: { umid: { type: 'string' }, status: { type: 'object', properties: { state: { type: 'string' } } }, ticket: ref('Ticket') },
        },
      },
    },
    errors: [400, 404, 409],
  },
  {
    method: 'POST',
    path: '/accounts/{accountId}/converse/tickets/{id}/notes',
    operationId: 'addTicketNote',
    tag: 'Converse',
    summary: 'Add an internal note',
    permission: 'converse.agent',
    body: { schema: noteSchema, example: { text: 'Customer prefers email.' } },
    responses: { 201: { description: 'The note', schema: { type: 'object', additionalProperties: true } } },
    errors: [400, 404],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/converse/agents',
    operationId: 'listAgents',
    tag: 'Converse',
    summary: 'List agents',
    description: 'The account’s users who may take tickets, with their open ticket counts.',
    permission: 'converse.supervisor',
    responses: { 200: { description: 'The agents', schema: { type: 'array', items: ref('Agent') } } },
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/converse/config',
    operationId: 'getConverseConfig',
    tag: 'Converse',
    summary: 'Get Converse settings',
    permission: 'converse.supervisor',
    responses: { 200: { description: 'The settings', schema: ref('ConverseConfig') } },
  },
  {
    method: 'PUT',
    path: '/accounts/{accountId}/converse/config',
    operationId: 'updateConverseConfig',
    tag: 'Converse',
    summary: 'Change Converse settings',
    permission: 'converse.supervisor',
    body: { schema: configSchema, example: { resolvedToClosedHours: 1, pendingToClosedHours: 1, maxAssignedTicketsPerAgent: 5 } },
    responses: { 200: { description: 'The settings', schema: ref('ConverseConfig') } },
    errors: [400],
  },
];
