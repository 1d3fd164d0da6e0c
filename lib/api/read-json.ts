import type { z } from 'zod';
import { ValidationError, issuesFromZod } from '@/lib/errors';
import { readJsonBody } from '@/lib/api/read-json-body';

/** Reads a JSON body; malformed JSON and schema violations become 1005 with every problem named. */
export async function readJson<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  return parseWith(schema, await readJsonBody(req));
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
