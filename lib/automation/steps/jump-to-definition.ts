import { defineStep } from './define-step';
import { inputsOf } from './lenient-inputs';

/** JumpTo: no inputs; its nextStepId is the target. */
export const jumpToDefinition = defineStep({
  type: 'JumpTo',
  label: 'Jump to',
  category: 'Flow',
  description: 'Continue at another step',
  inputs: inputsOf({}),
  defaults: {},
  validate(check) {
    const next = check.step.nextStepId;
    if (typeof next !== 'string' || !next) check.error('nextStepId', 'JumpTo needs nextStepId: the step to jump to');
  },
  outputs: {},
  summarize: (_inputs, step) => (step.nextStepId ? `Continue at ${String(step.nextStepId)}` : 'Pick a step to jump to'),
});
