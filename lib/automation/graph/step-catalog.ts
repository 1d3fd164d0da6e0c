import { STEP_TYPES, canonicalStepType, stepDefinition, type StepType } from '@/lib/automation/steps/step-definitions';
import type { StepCategory } from '@/lib/automation/steps/define-step';
import type { Branch, StepJson } from './types';

// The editor's view of the step types: each one's label, palette entry and first inputs come from its
// definition (lib/automation/steps/<type>-definition.ts). The `stepType` spelling in a definition is
// matched case-insensitively (the reference "Keyword detection" example says "branch").

export { STEP_TYPES, canonicalStepType };

export type CatalogStepType = StepType;

export type StepTypeInfo = {
  type: StepType;
  label: string;
  category: StepCategory;
  description: string;
};

export const STEP_INFO = Object.fromEntries(
  STEP_TYPES.map((type) => {
    const { label, category, description } = stepDefinition(type);
    return [type, { type, label, category, description }];
  }),
) as Record<StepType, StepTypeInfo>;

/** Whether a step of this type chooses its next step only through selectNextStep. */
export function isBranchOnly(stepType: string): boolean {
  return canonicalStepType(stepType) === 'Branch';
}

/** A fresh step of a type, as dropped from the palette: its definition's defaults, copied. */
export function newStep(type: StepType, id: string): { step: StepJson; branches: Branch[] | null } {
  const { inputs, outputs, branches } = stepDefinition(type).defaults;
  return {
    step: { id, stepType: type, ...(inputs ? { inputs: structuredClone(inputs) } : {}), ...(outputs ? { outputs: structuredClone(outputs) } : {}) },
    branches: branches ? branches.map((b) => ({ target: '', condition: b.condition })) : null,
  };
}
