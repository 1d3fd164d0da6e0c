import { z } from 'zod';
import { ValidationError, issuesFromZod } from '@/lib/errors';

const coordinate = z.number().finite().min(-1e7).max(1e7);

/**
 * Where the editor drew each node of a version, by node id (the trigger, each step, each If "do"
 * group; group boxes also keep their size). Stored beside the 8x8 body, never inside it: export and
 * the REST API answer the body alone.
 */
export const workflowLayoutSchema = z
  .record(
    z.string().min(1).max(200),
    z.object({ x: coordinate, y: coordinate, width: coordinate.positive().optional(), height: coordinate.positive().optional() }).strict(),
  )
  .refine((l) => Object.keys(l).length <= 5000, 'A layout holds at most 5000 nodes');

export type WorkflowLayout = z.infer<typeof workflowLayoutSchema>;

/** A layout sent by the editor, or a 1005 ValidationError naming what is wrong with it. */
export function parseWorkflowLayout(input: unknown): WorkflowLayout {
  const parsed = workflowLayoutSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(
      "Invalid parameter(s): 'layout'",
      issuesFromZod(parsed.error).map((i) => ({ ...i, path: i.path ? `layout.${i.path}` : 'layout' })),
    );
  return parsed.data;
}

/** A stored layout as written by parseWorkflowLayout; anything else (older rows) counts as none. */
export function readStoredLayout(value: unknown): WorkflowLayout | null {
  if (value == null) return null;
  const parsed = workflowLayoutSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
