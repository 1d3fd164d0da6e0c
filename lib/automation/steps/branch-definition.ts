import { defineStep } from './define-step';
import { inputsOf } from './lenient-inputs';

/** Branch: no inputs; the runner takes the first selectNextStep entry whose condition is true. */
export const branchDefinition = defineStep({
  type: 'Branch',
  label: 'Branch',
  category: 'Flow',
  description: 'Take the first path whose condition is true',
  inputs: inputsOf({}),
  defaults: { branches: [{ condition: "{{stringContains(data.payload.content.text, 'yes', true)}}" }, { condition: null }] },
  validate(check) {
    const select = check.step.selectNextStep;
    if (!select || typeof select !== 'object' || Array.isArray(select) || Object.keys(select).length === 0)
      check.error('selectNextStep', 'Branch needs selectNextStep: step id → condition');
  },
  outputs: {},
  summarize: () => 'First matching condition',
});
