import type { ApiKeyPrincipal } from '@/lib/auth/api-keys';
import type { AuditActor } from '@/lib/audit/record-audit-event';
import { ValidationError } from '@/lib/errors';

/** The request body as JSON of any shape (the workflow validator names the problems). */
export async function readRawJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('Invalid parameter(s): malformed JSON body', [{ path: '', message: 'The body is not valid JSON' }]);
  }
}

/** Changes made through the API are audited under the key that made them. */
export function apiActor(key: ApiKeyPrincipal): AuditActor {
  return { partnerId: key.partnerId, userId: null, label: `API key ${key.keyId}` };
}

export function queryEnum<T extends string>(url: URL, name: string, allowed: readonly T[]): T | undefined {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new ValidationError(`Invalid parameter(s): '${name}'`, [{ path: name, message: `${name} must be one of ${allowed.join(', ')}` }]);
  return v as T;
}

export function queryInt(url: URL, name: string, min: number, max: number): number | undefined {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new ValidationError(`Invalid parameter(s): '${name}'`, [{ path: name, message: `${name} must be a whole number from ${min} to ${max}` }]);
  return n;
}
