import { jsonResponse } from '@/lib/api/json-response';
import crypto from 'node:crypto';
import { AppError, ConflictError, ValidationError, type Issue } from '@/lib/errors';
import { isBusy } from '@/lib/db/is-busy';
import { logger } from '@/lib/log/logger';

// A busy database clears within moments (another writer's transaction, a checkpoint): one second is
// long enough for the lock to pass and short enough that a client's retry is not noticeably late.
export const BUSY_RETRY_AFTER_SECONDS = 1;
// The 8x8 docs name no code for a server-side failure; 1000 is the one Parley's 500s already carry.
const SERVER_ERROR_CODE = 1000;

// The 8x8 error shape: { code, message, errorId, timestamp } plus our optional errors[] detail.
export function errorResponse(status: number, code: number, message: string, errors?: Issue[], headers?: HeadersInit): Response {
  const body: Record<string, unknown> = { code, message, errorId: crypto.randomUUID(), timestamp: new Date().toISOString() };
  if (errors?.length) body.errors = errors;
  return jsonResponse(body, { status, headers });
}

/** The 8x8-shaped answer for anything a handler threw: domain errors as they say, a busy database as 503. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof ValidationError || err instanceof ConflictError) return errorResponse(err.status, err.code, err.message, err.issues);
  if (err instanceof AppError) return errorResponse(err.status, err.code, err.message);
  if (isBusy(err)) {
    // Load, not a fault: nothing was written (the transaction rolled back), and the same request
    // will succeed shortly, so say when to try again instead of answering 500.
    logger.warn({ reason: (err as Error)?.message }, 'database busy: answered 503');
    return errorResponse(503, SERVER_ERROR_CODE, 'The service is busy: nothing was changed; retry the request shortly', undefined, {
      'retry-after': String(BUSY_RETRY_AFTER_SECONDS),
    });
  }
  const errorId = crypto.randomUUID();
  logger.error({ err, errorId }, 'unhandled API error');
  return jsonResponse({ code: SERVER_ERROR_CODE, message: 'Internal error', errorId, timestamp: new Date().toISOString() }, { status: 500 });
}
