import type { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';

// One documented /api/v1 operation. The registry (operations/*.ts) lists every route and method the
// app serves; build-openapi-document.ts turns the list into the OpenAPI 3.1 document, and
// openapi-coverage.test.ts fails when a route and the list disagree.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** JSON Schema (2020-12, as OpenAPI 3.1 takes it), for shapes no zod schema describes (mostly answers). */
export type JsonSchema = { [key: string]: unknown };

/** The zod schema the route parses with (imported, never copied), or JSON Schema written here. */
export type SchemaSource = z.ZodType | JsonSchema;

export type QueryParam = { name: string; description?: string; required?: boolean; schema: JsonSchema };

export type RequestBody = {
  schema: SchemaSource;
  /** application/json unless said otherwise (multipart uploads). */
  contentType?: string;
  /** Other media types the route also takes for the same operation (a campaign: JSON or multipart). */
  alternatives?: { contentType: string; schema: SchemaSource }[];
  description?: string;
  example?: unknown;
  required?: boolean;
};

export type ResponseSpec = {
  description: string;
  schema?: SchemaSource;
  example?: unknown;
  /** The route also answers text/csv for ?format=csv or Accept: text/csv. */
  csv?: boolean;
};

export type ApiOperation = {
  method: HttpMethod;
  /** OpenAPI form below /api/v1: /subaccounts/{subAccountId}/messages. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** The permission the route's withApiKey is given (checked equal by openapi-coverage.test.ts). */
  permission: Permission | Permission[] | null;
  /** Needs no API key (the document itself). */
  public?: boolean;
  /** Descriptions of path parameters where the shared ones (path-params.ts) do not fit. */
  pathParams?: Record<string, string>;
  /** The route's query: its zod object schema, or the parameters it reads one by one. */
  query?: z.ZodType | QueryParam[];
  body?: RequestBody;
  responses: Record<number, ResponseSpec>;
  /** Error statuses this operation answers besides those of every keyed call (401, 403, 429). */
  errors?: (400 | 404 | 409 | 413)[];
};
