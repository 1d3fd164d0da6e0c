import { describeDuration } from '@/lib/automation/graph/duration';
import { textOf } from '@/lib/automation/graph/summary-text';
import { defineStep } from './define-step';
import { inputsOf, raw } from './lenient-inputs';

/** Wait: a durable timer of `duration` (d.HH:mm:ss, HH:mm:ss or a number of days). */
export const waitDefinition = defineStep({
  type: 'Wait',
  label: 'Wait',
  category: 'Flow',
  description: 'Wait for a duration before the next step',
  inputs: inputsOf({ duration: raw() }),
  defaults: { inputs: { duration: '00:05:00' } },
  validate(check) {
    check.duration('duration', check.require('duration'));
  },
  outputs: {},
  summarize: (inputs) => `Wait ${describeDuration(textOf(inputs.duration))}`,
});
