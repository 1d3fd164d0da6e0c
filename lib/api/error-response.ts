import { jsonResponse } from '@/lib/api/json-response';
import crypto from 'node:crypto';
import { AppError, ValidationError, type Issue } from '@/lib/errors';
import { logger } from '@/lib/log/logger';

// The 8x8 error shape: { code, message, errorId, timestamp } plus our optional errors[] detail.
export function errorResponse(status: number, code: number, message: string, errors?: Issue[]): Response {
  const body: Record<string, unknown> = { code, message, errorId: crypto.randomUUID(), timestamp: new Date().toISOString() };
  if (errors?.length) body.errors = errors;
  return jsonResponse(body, { status });
}

export function toErrorResponse(err: unknown): Response {
  if (err instanceof ValidationError) return errorResponse(err.status, err.code, err.message, err.issues);
  if (err instanceof AppError) return errorResponse(err.status, err.code, err.message);
  const errorId = crypto.randomUUID();
  logger.error({ err, errorId }, 'unhandled API error');
  return jsonResponse({ code: 1000, message: 'Internal error', errorId, timestamp: new Date().toISOString() }, { status: 500 });
}
