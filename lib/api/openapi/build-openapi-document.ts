import type { z } from 'zod';
import { permissionLabel } from '@/lib/auth/permissions';
import type { ApiOperation, JsonSchema, QueryParam, SchemaSource } from '@/lib/api/openapi/operation';
import { API_OPERATIONS, API_TAGS } from '@/lib/api/openapi/operations';
import { ERROR_RESPONSES, errorResponseComponents } from '@/lib/api/openapi/error-responses';
import { PATH_PARAM_DESCRIPTIONS } from '@/lib/api/openapi/path-params';
import { RESPONSE_SCHEMAS } from '@/lib/api/openapi/response-schemas';
import { SCHEMA_NAMES } from '@/lib/api/openapi/schema-names';
import { typescriptSample } from '@/lib/api/openapi/typescript-sample';
import { convertZodSchemas, isZod, resolveSchema, zodSchemasIn } from '@/lib/api/openapi/zod-json-schema';

export type OpenApiDocument = JsonSchema & {
  openapi: string;
  paths: Record<string, Record<string, JsonSchema>>;
  components: Record<string, Record<string, JsonSchema>>;
};

export type BuildOptions = {
  /** Where the API lives; relative by default, which resolves against the document's own address. */
  serverUrl?: string;
  /** Values shown for path parameters (the reader's own account and subaccount), so "try it" starts filled in. */
  pathExamples?: Record<string, string>;
  /** The absolute API address the TypeScript examples call (default: a placeholder host). */
  sampleBaseUrl?: string;
};

// Every call with a key can be refused for the key itself, its scopes or its rate.
const KEYED_ERRORS = [401, 403, 429];

const DESCRIPTION = `Parley speaks the JSON of the 8x8 Connect, Chat Apps and Automation APIs: code written for those docs works here by changing the base URL and the API key.

**Authentication.** Every call needs \`Authorization: Bearer <API key>\`. Create a key in Settings → API keys (it is shown once). A key belongs to one account and may be limited to some permissions (scopes); each operation names the permission it needs.

**Errors** have the 8x8 shape \`{ "code", "message", "errorId", "timestamp" }\`, with \`errors: [{ "path", "message" }]\` naming each bad field. Another account's ids answer 404, never its data.

**Lists** are newest first with \`limit\` (≤ 500, default 50) and \`cursor\`, answering \`{ "data": [...], "nextCursor" }\`.`;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Component names for every zod schema the operations use: the shared names, else after the operation. */
function nameZodSchemas(operations: ApiOperation[]): { names: Map<z.ZodType, string>; queries: Set<string> } {
  const names = new Map<z.ZodType, string>(SCHEMA_NAMES);
  const taken = new Set(names.values());
  const queries = new Set<string>();
  const name = (schema: z.ZodType, wanted: string): string => {
    const known = names.get(schema);
    if (known) return known;
    let n = wanted;
    for (let i = 2; taken.has(n); i++) n = `${wanted}${i}`;
    names.set(schema, n);
    taken.add(n);
    return n;
  };
  for (const op of operations) {
    const base = capitalize(op.operationId);
    const sources: [SchemaSource | undefined, string][] = [
      [op.body?.schema, `${base}Request`],
      ...(op.body?.alternatives ?? []).map((a): [SchemaSource, string] => [a.schema, `${base}Request`]),
      ...Object.entries(op.responses).map(([status, r]): [SchemaSource | undefined, string] => [r.schema, `${base}${status}Response`]),
    ];
    for (const [source, wanted] of sources) for (const s of zodSchemasIn(source)) name(s, wanted);
    if (op.query && isZod(op.query)) queries.add(name(op.query, `__${base}Query`));
  }
  return { names, queries };
}

/** One parameter per property of the route's query schema (as converted), or the listed ones. */
function queryParameters(query: ApiOperation['query'], names: Map<z.ZodType, string>, converted: Record<string, JsonSchema>): JsonSchema[] {
  if (!query) return [];
  const params: QueryParam[] = isZod(query)
    ? (() => {
        const schema = converted[names.get(query)!] as { properties?: Record<string, JsonSchema>; required?: string[] };
        return Object.entries(schema.properties ?? {}).map(([name, s]) => {
          const { description, ...rest } = s;
          return { name, schema: rest, required: !!schema.required?.includes(name), ...(typeof description === 'string' ? { description } : {}) };
        });
      })()
    : query;
  return params.map((p) => ({ name: p.name, in: 'query', ...(p.description ? { description: p.description } : {}), required: !!p.required, schema: p.schema }));
}

function permissionText(op: ApiOperation): string {
  if (op.public) return 'No API key needed.';
  if (!op.permission) return 'Any valid API key.';
  const list = Array.isArray(op.permission) ? op.permission : [op.permission];
  return `Permission: ${list.map((p) => `${permissionLabel(p)} (\`${p}\`)`).join(' and ')}.`;
}

function operationObject(op: ApiOperation, names: Map<z.ZodType, string>, converted: Record<string, JsonSchema>, options: BuildOptions): JsonSchema {
  const pathParams = [...op.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description: op.pathParams?.[name!] ?? PATH_PARAM_DESCRIPTIONS[name!] ?? name,
    schema: { type: 'string' },
    ...(options.pathExamples?.[name!] ? { example: options.pathExamples[name!] } : {}),
  }));
  const body = op.body
    ? {
        requestBody: {
          required: op.body.required ?? true,
          ...(op.body.description ? { description: op.body.description } : {}),
          content: Object.fromEntries([
            [
              op.body.contentType ?? 'application/json',
              { schema: resolveSchema(op.body.schema, names), ...(op.body.example !== undefined ? { example: op.body.example } : {}) },
            ],
            ...(op.body.alternatives ?? []).map((a) => [a.contentType, { schema: resolveSchema(a.schema, names) }]),
          ]),
        },
      }
    : {};
  const responses: Record<string, JsonSchema> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    const content: Record<string, JsonSchema> = {};
    if (r.schema) content['application/json'] = { schema: resolveSchema(r.schema, names), ...(r.example !== undefined ? { example: r.example } : {}) };
    if (r.csv) content['text/csv'] = { schema: { type: 'string', description: 'UTF-8 CSV with a header row' } };
    responses[status] = { description: r.description, ...(Object.keys(content).length ? { content } : {}) };
  }
  for (const status of [...(op.errors ?? []), ...(op.public ? [] : KEYED_ERRORS)].sort()) {
    responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` };
  }
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, permissionText(op)].filter(Boolean).join('\n\n'),
    ...(op.public ? { security: [] } : {}),
    'x-parley-permission': op.permission,
    'x-codeSamples': [
      {
        lang: 'typescript',
        label: 'TypeScript',
        source: typescriptSample(op, options.sampleBaseUrl ?? 'https://parley.example.com/api/v1', options.pathExamples),
      },
    ],
    parameters: [...pathParams, ...queryParameters(op.query, names, converted)],
    ...body,
    responses,
  };
}

/** The OpenAPI 3.1 document of /api/v1, request schemas converted from the routes' own zod schemas. */
export function buildOpenApiDocument(operations: ApiOperation[] = API_OPERATIONS, options: BuildOptions = {}): OpenApiDocument {
  const { names, queries } = nameZodSchemas(operations);
  const converted = convertZodSchemas(names);
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = operationObject(op, names, converted, options);
  }
  const schemas: Record<string, JsonSchema> = { ...RESPONSE_SCHEMAS };
  for (const [name, schema] of Object.entries(converted)) {
    if (queries.has(name)) continue;
    if (name in schemas) throw new Error(`Two schemas are named ${name}`);
    schemas[name] = schema;
  }
  const usedTags = new Set(operations.map((o) => o.tag));
  const statuses = operations.flatMap((o) => [...(o.errors ?? []), ...(o.public ? [] : KEYED_ERRORS)]);
  return {
    openapi: '3.1.0',
    info: { title: 'Parley REST API', version: '1', description: DESCRIPTION },
    servers: [{ url: options.serverUrl ?? '/api/v1', description: 'This Parley server' }],
    security: [{ bearerAuth: [] }],
    tags: API_TAGS.filter((t) => usedTags.has(t.name)).concat(
      [...usedTags].filter((t) => !API_TAGS.some((x) => x.name === t)).map((name) => ({ name, description: '' })),
    ),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key from Settings → API keys, e.g. `prl_…`' },
      },
      schemas,
      responses: errorResponseComponents(statuses),
    },
  };
}
