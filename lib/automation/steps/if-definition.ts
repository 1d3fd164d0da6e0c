import { z } from 'zod';
import { describeCondition } from '@/lib/automation/graph/describe-condition';
import { textOf } from '@/lib/automation/graph/summary-text';
import { defineStep } from './define-step';
import { inputsOf } from './lenient-inputs';

/** If: when `condition` is truthy the runner runs each sequence in `do`, then goes on. */
export const ifDefinition = defineStep({
  type: 'If',
  label: 'If condition',
  category: 'Flow',
  description: 'Run a sequence of steps when a condition holds',
  inputs: inputsOf({ condition: z.unknown().optional().transform(Boolean) }),
  defaults: { inputs: { condition: '{{true}}' } },
  validate(check) {
    check.require('condition');
    const sequences = check.step.do;
    if (!Array.isArray(sequences) || sequences.length === 0) check.error('do', 'If needs do: a list of step sequences');
    else sequences.forEach((seq, j) => Array.isArray(seq) && seq.length === 0 && check.error(`do.${j}`, 'A sequence needs at least one step'));
  },
  outputs: {},
  summarize: (inputs) => `If ${describeCondition(textOf(inputs.condition) || null)}`,
});
