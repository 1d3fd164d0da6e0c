import { ValidationError } from '@/lib/errors';

// A Logs page ends at a message; the next page starts strictly after it in the (createdAt, umid)
// order, newest first. The cursor is that position, opaque to clients: base64url("<ms>:<umid>").

export type LogsCursor = { createdAt: Date; id: string };

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.getTime()}:${id}`).toString('base64url');
}

/** The position a cursor names; a cursor that is not one of ours is a 400, not a 500 from the query. */
export function decodeCursor(cursor: string): LogsCursor {
  const text = Buffer.from(cursor, 'base64url').toString();
  const colon = text.indexOf(':');
  const ms = colon > 0 ? text.slice(0, colon) : '';
  const id = text.slice(colon + 1);
  const createdAt = new Date(/^\d{1,15}$/.test(ms) ? Number(ms) : Number.NaN);
  if (Number.isNaN(createdAt.getTime()) || createdAt.getUTCFullYear() > 9999 || !id || id.length > 100) {
    throw new ValidationError("Invalid parameter(s): 'cursor'", [{ path: 'cursor', message: 'Use the nextCursor of a previous page' }]);
  }
  return { createdAt, id };
}
