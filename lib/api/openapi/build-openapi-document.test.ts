import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/api/openapi/build-openapi-document';
import { API_OPERATIONS } from '@/lib/api/openapi/operations';
import { isZod } from '@/lib/api/openapi/zod-json-schema';
import { resolvePointer, validateOpenApiDocument } from '@/lib/api/openapi/validate-openapi-document';
import { sendEnvelopeSchema, CONTENT_ENVELOPES } from '@/lib/messaging/send-schema';
import { campaignSpecSchema } from '@/lib/campaigns/campaign-spec';

const doc = buildOpenApiDocument();
const schema = (name: string) => doc.components.schemas[name] as Record<string, any>;

describe('the OpenAPI document', () => {
  it('is a structurally valid OpenAPI 3.1 document: refs resolve, path parameters declared, operation ids unique', () => {
    expect(validateOpenApiDocument(doc)).toEqual([]);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('survives JSON: no functions, symbols or undefined left from the zod conversion', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('takes request bodies from the routes’ own zod schemas', () => {
    const send = doc.paths['/subaccounts/{subAccountId}/messages']!.post as any;
    const body = send.requestBody.content['application/json'].schema;
    expect(body.allOf[0]).toEqual({ $ref: '#/components/schemas/SendMessageEnvelope' });
    expect(schema('SendMessageEnvelope').required).toEqual(['user', 'type', 'content']);
    expect(schema('SendMessageEnvelope').properties.clientMessageId).toMatchObject({ type: 'string', maxLength: 200 });
    expect(body.allOf[1].properties.content.anyOf).toContainEqual({ $ref: '#/components/schemas/TemplateContent' });
    // A constraint changed in the schema shows in the document without editing it.
    expect(schema('CampaignSpec').properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 120 });
    expect(schema('CampaignSpec').additionalProperties).toBe(false);
  });

  it('makes the recursive workflow step one component that refers to itself', () => {
    expect(JSON.stringify(schema('WorkflowStep'))).toContain('"$ref":"#/components/schemas/WorkflowStep"');
    expect(Object.keys(doc.components.schemas).filter((n) => n.startsWith('Shared_') || n.startsWith('__'))).toEqual([]);
  });

  it('turns a route’s zod query schema into one query parameter per field', () => {
    const logs = (doc.paths['/subaccounts/{subAccountId}/messages']!.get as any).parameters;
    expect(logs.map((p: any) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['path:subAccountId', 'query:direction', 'query:limit', 'query:cursor']));
    expect(logs.find((p: any) => p.name === 'limit').schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 500 });
  });

  it('points every refusal at the 8x8 error shape and secures keyed calls with the bearer scheme', () => {
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.securitySchemes!.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item) as [string, any][]) {
        if (path !== '/openapi.json') expect(op.responses['401'], `${method} ${path}`).toEqual({ $ref: '#/components/responses/Unauthorized' });
        for (const [status, r] of Object.entries(op.responses) as [string, any][]) {
          if (Number(status) < 400) continue;
          const res = resolvePointer(doc, r.$ref) as any;
          expect(res.content['application/json'].schema, `${method} ${path} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
        }
      }
    }
  });

  it('shows request examples the route accepts', () => {
    const problems: string[] = [];
    for (const op of API_OPERATIONS) {
      if (!op.body || op.body.example === undefined || !isZod(op.body.schema)) continue;
      const r = op.body.schema.safeParse(op.body.example);
      if (!r.success) problems.push(`${op.operationId}: ${r.error.message}`);
    }
    // The send body is the envelope then the content of its type, as send-message.ts checks it.
    const send = API_OPERATIONS.find((o) => o.operationId === 'sendMessage')!.body!.example as { type: 'text'; content: unknown };
    expect(sendEnvelopeSchema.safeParse(send).success).toBe(true);
    expect(CONTENT_ENVELOPES[send.type].safeParse({ content: send.content }).success).toBe(true);
    expect(campaignSpecSchema.safeParse(API_OPERATIONS.find((o) => o.operationId === 'createCampaign')!.body!.example).success).toBe(true);
    expect(problems).toEqual([]);
  });

  it('fills path parameters with the reader’s own ids when asked, for "try it"', () => {
    const mine = buildOpenApiDocument(undefined, { pathExamples: { accountId: 'acme_corp' } });
    const p = (mine.paths['/accounts/{accountId}/subaccounts']!.get as any).parameters[0];
    expect(p).toMatchObject({ name: 'accountId', in: 'path', example: 'acme_corp' });
  });
});

describe('validateOpenApiDocument', () => {
  it('finds a dangling $ref, an undeclared path parameter and a repeated operation id', () => {
    const broken = structuredClone(doc) as any;
    broken.paths['/x/{id}'] = {
      get: {
        operationId: 'sendMessage',
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } } },
      },
    };
    const problems = validateOpenApiDocument(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('$ref #/components/schemas/Nope does not resolve'),
        expect.stringContaining('path parameter {id} is not declared'),
        expect.stringContaining('operationId sendMessage is also'),
      ]),
    );
  });
});
