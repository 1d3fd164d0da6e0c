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

/** "is required" when absent or null, "must be a string" when present with another type. */
const stringError = (what: string) => (iss: { input?: unknown }) => (iss.input == null ? `${what} is required` : `${what} must be a string`);

/**
 * An optional field sent as null (serializers write unset fields so) is the field left out, and is
 * dropped from the stored body. Only for fields where null means nothing else: a `selectNextStep`
 * condition of null is the default branch and `nextStepId: null` is kept as written.
 */
const absentIfNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema.optional());

/** A step without the keys absentIfNull left undefined, so `'do' in step` means a `do` was given. */
function withoutUndefined<T extends Record<string, unknown>>(step: T): T {
  for (const k of Object.keys(step)) if (step[k] === undefined) delete step[k];
  return step;
}

/** Enum values in any case ("Enabled", "HTTP_REQUEST"), stored as the reference writes them. */
const anyCase = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);

export const stepSchema: z.ZodType<StepDefinition, unknown> = z.lazy(() =>
  z
    .looseObject(
      {
        id: z
          .string({ error: stringError('id') })
          .trim()
          .min(1, 'id is required')
          .max(100, 'id must be at most 100 characters'),
        stepType: stepTypeSchema,
        inputs: absentIfNull(z.record(z.string(), z.unknown(), { error: 'inputs must be an object' })),
        outputs: absentIfNull(z.record(z.string(), z.unknown(), { error: 'outputs must be an object' })),
        nextStepId: z.string({ error: 'nextStepId must be a step id' }).nullish(),
        selectNextStep: absentIfNull(
          z.record(z.string(), z.string({ error: 'a condition must be a {{script}} string or null' }).nullable(), {
            error: 'selectNextStep must be an object of step id → condition',
          }),
        ),
        do: absentIfNull(z.array(z.array(stepSchema, { error: 'each entry of do must be a list of steps' }), { error: 'do must be a list of step lists' })),
      },
      { error: 'Each step must be an object: { "id", "stepType", ... }' },
    )
    .transform(withoutUndefined),
) as z.ZodType<StepDefinition, unknown>;

export const definitionSchema = z.looseObject(
  {
    name: z
      .string({ error: stringError('name') })
      .trim()
      .min(1, 'name is required')
      .max(200),
    steps: z.array(stepSchema, { error: 'steps must be a list' }).min(1, 'a workflow needs at least one step'),
  },
  { error: 'definition is required: { "name", "steps": [...] }' },
);

export const workflowBodySchema = z.object(
  {
    subAccountId: z
      .string({ error: stringError('subAccountId') })
      .trim()
      .min(1, 'subAccountId is required'),
    trigger: z.preprocess(anyCase, z.enum(TRIGGERS, { error: `trigger must be one of ${TRIGGERS.join(', ')}` })),
    status: z.preprocess(
      (v) => (v === null ? undefined : anyCase(v)),
      z.enum(WORKFLOW_STATUSES, { error: `status must be one of ${WORKFLOW_STATUSES.join(', ')}` }).default('enabled'),
    ),
    definition: definitionSchema,
  },
  {
    error: (iss) =>
      iss.input === undefined
        ? 'The body is empty: send the workflow as a JSON object'
        : 'The workflow must be a JSON object: { "subAccountId", "trigger", "status", "definition" }',
  },
);

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
