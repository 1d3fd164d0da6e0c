import type { ApiOperation } from '@/lib/api/openapi/operation';
import { ref } from '@/lib/api/openapi/zod-json-schema';
import { templatePayloadSchema } from '@/lib/templates/template-schema';
import { templateFiltersSchema } from '@/lib/templates/list-templates';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';

// One of the reference docs' own creation payloads: a body and a URL button, both with variables.
const REFERENCE_EXAMPLE = creation.find((c) => c.name === 'order_shipped_v2');

const language = { name: 'language', description: 'The language version, e.g. en_US (en-US and en_us are read the same)', schema: { type: 'string' } };

export const TEMPLATE_OPERATIONS: ApiOperation[] = [
  {
    method: 'POST',
    path: '/accounts/{accountId}/channels/{channelId}/templates',
    operationId: 'createTemplate',
    tag: 'Templates',
    summary: 'Submit a template for review',
    description:
      'The 8x8 "Template Creation Payload". Structural and WhatsApp rule violations are a 400 naming each problem; a name and language already on the channel is a 409. The sandbox reviewer decides within moments and fires `template_status_update`.',
    permission: 'templates.write',
    body: {
      schema: templatePayloadSchema,
      example: REFERENCE_EXAMPLE,
    },
    responses: { 201: { description: 'Stored with status PENDING', schema: ref('Template') } },
    errors: [400, 404, 409],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/channels/{channelId}/templates',
    operationId: 'listTemplates',
    tag: 'Templates',
    summary: 'List templates',
    permission: 'templates.view',
    query: templateFiltersSchema,
    responses: {
      200: {
        description: 'The channel’s templates, newest first',
        schema: { type: 'object', properties: { data: { type: 'array', items: ref('Template') } } },
      },
    },
    errors: [400, 404],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/channels/{channelId}/templates/{name}',
    operationId: 'getTemplate',
    tag: 'Templates',
    summary: 'Get a template',
    description: '`language` picks the version; it is required when the name has several.',
    permission: 'templates.view',
    query: [language],
    responses: { 200: { description: 'The template', schema: ref('Template') } },
    errors: [400, 404],
  },
  {
    method: 'DELETE',
    path: '/accounts/{accountId}/channels/{channelId}/templates/{name}',
    operationId: 'deleteTemplate',
    tag: 'Templates',
    summary: 'Delete a template',
    description: 'One language version (`language`), or without it every language of the name.',
    permission: 'templates.write',
    query: [language],
    responses: {
      200: {
        description: 'What was deleted',
        schema: {
          type: 'object',
          properties: { deleted: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, language: { type: 'string' } } } } },
        },
      },
    },
    errors: [404],
  },
];
