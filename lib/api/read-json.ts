import type { z } from 'zod';
import { ValidationError, issuesFromZod } from '@/lib/errors';

/** Reads a JSON body; malformed JSON and schema violations become 1005 with every problem named. */
export async function readJson<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    const text = await req.text();
    body = text.trim() ? JSON.parse(text) : undefined;
  } catch {
    throw new ValidationError('Invalid parameter(s): malformed JSON body', [{ path: '', message: 'The body is not valid JSON' }]);
  }
  return parseWith(schema, body);
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = issuesFromZod(result.error);
    const paths = [...new Set(issues.map((i) => i.path).filter(Boolean))];
    const message = paths.length ? `Invalid parameter(s): ${paths.map((p) => `'${p}'`).join(', ')}` : `Invalid parameter(s): ${issues[0]?.message ?? 'body'}`;
    throw new ValidationError(message, issues);
  }
  return result.data;
}
