import { canonicalStepType, stepDefinition } from '@/lib/automation/steps/step-definitions';
import { objectOf } from './summary-text';
import type { StepJson } from './types';

/** The one line under a node's title (message preview, duration, URL or condition): its definition's summary. */
export function summarizeStep(step: StepJson): string {
  const type = canonicalStepType(step.stepType);
  return type ? stepDefinition(type).summarize(objectOf(step.inputs), step) : `Unknown step type ${step.stepType}`;
}
