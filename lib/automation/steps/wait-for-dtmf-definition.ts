import { describeDuration } from '@/lib/automation/graph/duration';
import { textOf } from '@/lib/automation/graph/summary-text';
import { defineStep } from './define-step';
import { inputsOf, raw, text } from './lenient-inputs';

/** WaitForDTMF: waits for the callee's key press after a VoiceMessage, for `timeout` (default 1 day). */
export const waitForDtmfDefinition = defineStep({
  type: 'WaitForDTMF',
  label: 'Wait for DTMF',
  category: 'Voice',
  description: 'Wait for key presses after a voice message',
  inputs: inputsOf({ dtmfRequestId: text(), timeout: raw() }),
  defaults: {
    inputs: { dtmfRequestId: '{{data.clientRequestId}}', timeout: '00:02:00' },
    outputs: { dtmf: '{{step.dtmfData.actionDetails.dtmf}}' },
    branches: [{ condition: "{{data.dtmf == '1'}}" }, { condition: '{{data.dtmf == null}}' }],
  },
  validate(check) {
    check.require('dtmfRequestId');
    check.duration('timeout', check.inputs.timeout);
  },
  outputs: { dtmfData: '' },
  summarize: (inputs) => `Key press · timeout ${inputs.timeout ? describeDuration(textOf(inputs.timeout)) : '1 d'}`,
});
