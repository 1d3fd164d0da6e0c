import { z } from 'zod';
import { STEP_TYPES, TRIGGERS, WORKFLOW_STATUSES, canonicalStepType, type StepType, type Trigger, type WorkflowStatus } from './step-types';

export { STEP_TYPES, TRIGGERS, WORKFLOW_STATUSES, type StepType, type Trigger, type WorkflowStatus };

/**
 * One step of a definition. Inputs and outputs stay free-form JSON (the reference tables list them per
 * type; validate-definition.ts checks what each type needs). Unknown keys are kept so that an imported
 * definition exports back unchanged.
 */
export type StepDefinition = {
  id: string;
  stepType: StepType;
  inputs?: Record<string, unknown>;
  /** Each value is a script (or literal) whose result is stored in `data` under the key. */
  outputs?: Record<string, unknown>;
  nextStepId?: string | null;
  /** Step id → condition script; the first true one is taken, a `null` condition is the default. */
  selectNextStep?: Record<string, string | null>;
  /** If only: sequences run in order when the condition holds. */
  do?: StepDefinition[][];
  [key: string]: unknown;
};

export type WorkflowDefinition = { name: string; steps: StepDefinition[]; [key: string]: unknown };

/** The 8x8 workflow body: POST/PUT /accounts/{accountId}/workflows. */
export type WorkflowBody = {
  subAccountId: string;
  trigger: Trigger;
  status: WorkflowStatus;
  definition: WorkflowDefinition;
};

const stepTypeSchema = z.unknown().transform((value, ctx): StepType => {
  const type = canonicalStepType(value);
  if (!type) {
    ctx.addIssue({
      code: 'custom',
      message:
        value === undefined || value === null || value === ''
          ? 'stepType is required'
          : `Unknown stepType '${String(value)}'; expected one of ${STEP_TYPES.join(', ')}`,
    });
    return z.NEVER;
  }
  return type;
});

export const stepSchema: z.ZodType<StepDefinition, unknown> = z.lazy(() =>
  z.looseObject({
    id: z.string({ error: 'id is required' }).trim().min(1, 'id is required'),
    stepType: stepTypeSchema,
    inputs: z.record(z.string(), z.unknown(), { error: 'inputs must be an object' }).optional(),
    outputs: z.record(z.string(), z.unknown(), { error: 'outputs must be an object' }).optional(),
    nextStepId: z.string({ error: 'nextStepId must be a step id' }).nullish(),
    selectNextStep: z
      .record(z.string(), z.string({ error: 'a condition must be a {{script}} string or null' }).nullable(), {
        error: 'selectNextStep must be an object of step id → condition',
      })
      .optional(),
    do: z.array(z.array(stepSchema, { error: 'each entry of do must be a list of steps' }), { error: 'do must be a list of step lists' }).optional(),
  }),
) as z.ZodType<StepDefinition, unknown>;

export const definitionSchema = z.looseObject({
  name: z.string({ error: 'name is required' }).trim().min(1, 'name is required').max(200),
  steps: z.array(stepSchema, { error: 'steps must be a list' }).min(1, 'a workflow needs at least one step'),
});

export const workflowBodySchema = z.object({
  subAccountId: z.string({ error: 'subAccountId is required' }).trim().min(1, 'subAccountId is required'),
  trigger: z.enum(TRIGGERS, { error: `trigger must be one of ${TRIGGERS.join(', ')}` }),
  status: z.enum(WORKFLOW_STATUSES, { error: `status must be one of ${WORKFLOW_STATUSES.join(', ')}` }).default('enabled'),
  definition: definitionSchema,
});

/** Outputs may sit inside `inputs` (reference "Keyword detection" example); both places apply. */
export function stepOutputs(step: StepDefinition): Record<string, unknown> {
  const nested = step.inputs?.outputs;
  const inner = nested && typeof nested === 'object' && !Array.isArray(nested) ? (nested as Record<string, unknown>) : {};
  return { ...inner, ...(step.outputs ?? {}) };
}

/** A step's inputs without the misplaced `outputs` key. */
export function stepInputs(step: StepDefinition): Record<string, unknown> {
  if (!step.inputs || !('outputs' in step.inputs)) return step.inputs ?? {};
  const { outputs: _ignored, ...rest } = step.inputs;
  return rest;
}
