import { ValidationError } from '@/lib/errors';
import type { WorkflowBody } from '@/lib/automation/definition/definition-schema';
import { validateDefinition } from '@/lib/automation/definition/validate-definition';

/** The normalised body, or a 1005 ValidationError naming every problem. Warnings come back too. */
export function parseWorkflowBody(input: unknown): { body: WorkflowBody; warnings: { path: string; message: string }[] } {
  const check = validateDefinition(input);
  if (check.errors.length || !check.body) {
    const paths = [...new Set(check.errors.map((e) => e.path).filter(Boolean))];
    const message = paths.length
      ? `Invalid parameter(s): ${paths.map((p) => `'${p}'`).join(', ')}`
      : `Invalid parameter(s): ${check.errors[0]?.message ?? 'workflow definition'}`;
    throw new ValidationError(message, check.errors);
  }
  return { body: check.body, warnings: check.warnings };
}
