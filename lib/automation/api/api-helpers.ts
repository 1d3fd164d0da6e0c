import { ValidationError } from '@/lib/errors';
import { readJsonBody } from '@/lib/api/read-json-body';

/** The request body as JSON of any shape (the workflow validator names the problems). */
export const readRawJson = readJsonBody;

/** A query filter naming one of `allowed`, in any case (?status=ENABLED), or undefined when absent. */
export function queryEnum<T extends string>(url: URL, name: string, allowed: readonly T[]): T | undefined {
  const v = url.searchParams.get(name)?.trim();
  if (!v) return undefined;
  const found = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
  if (!found) throw new ValidationError(`Invalid parameter(s): '${name}'`, [{ path: name, message: `${name} must be one of ${allowed.join(', ')}` }]);
  return found;
}

export function queryInt(url: URL, name: string, min: number, max: number): number | undefined {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ValidationError(`Invalid parameter(s): '${name}'`, [{ path: name, message: `${name} must be a whole number from ${min} to ${max}` }]);
  return n;
}
