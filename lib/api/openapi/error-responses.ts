import type { JsonSchema } from '@/lib/api/openapi/operation';
import { ref } from '@/lib/api/openapi/zod-json-schema';

// The 8x8 error shape as shared responses: every refusal in the document points at one of these.

type ErrorResponse = { name: string; description: string; code: number; message: string; retryAfter?: boolean };

export const ERROR_RESPONSES: Record<number, ErrorResponse> = {
  400: {
    name: 'BadRequest',
    description:
      'Bad input: a missing, misspelt or mistyped field or malformed JSON (1005), an invalid number (1002), a template problem (3038, 3040, 3041). `errors` names each field.',
    code: 1005,
    message: "Invalid parameter(s): 'user.msisdn'",
  },
  401: {
    name: 'Unauthorized',
    description: 'The API key is missing, wrong or revoked (1200).',
    code: 1200,
    message: 'Unauthorized: the Authorization: Bearer header is missing or the API key is incorrect',
  },
  403: {
    name: 'Forbidden',
    description: 'The key’s scopes lack the permission this operation needs (1201).',
    code: 1201,
    message: "Forbidden: this API key does not have the 'View Logs' (logs.view) permission",
  },
  404: {
    name: 'NotFound',
    description: 'No such thing in your account (another account’s ids answer the same).',
    code: 1005,
    message: "Subaccount 'nope' not found",
  },
  409: {
    name: 'Conflict',
    description: 'The thing’s current state does not allow it, or the id is taken.',
    code: 1005,
    message: 'The campaign is completed: it cannot be paused',
  },
  413: {
    name: 'PayloadTooLarge',
    description: 'The body is larger than this operation takes.',
    code: 1005,
    message: 'The upload is 120 MB; files can be at most 100 MB',
  },
  429: {
    name: 'TooManyRequests',
    description: 'The key is over its request rate; retry after `Retry-After` seconds.',
    code: 1005,
    message: 'Too many requests: this API key may make 50 requests per second (bursts of up to 100); retry after 1 s',
    retryAfter: true,
  },
};

/** components.responses for the statuses used. */
export function errorResponseComponents(statuses: Iterable<number>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const status of [...new Set(statuses)].sort()) {
    const e = ERROR_RESPONSES[status];
    if (!e) throw new Error(`No shared error response for ${status}`);
    out[e.name] = {
      description: e.description,
      ...(e.retryAfter ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
      content: {
        'application/json': {
          schema: ref('Error'),
          example: { code: e.code, message: e.message, errorId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f', timestamp: '2026-12-05T09:30:00.000Z' },
        },
      },
    };
  }
  return out;
}
