import { clip, textOf } from '@/lib/automation/graph/summary-text';
import { defineStep } from './define-step';
import { inputsOf, text, textOr } from './lenient-inputs';

/** SMS: a text to one number, from the workflow's subaccount unless the step names another. */
export const smsDefinition = defineStep({
  type: 'SMS',
  label: 'SMS message',
  category: 'Messages',
  description: 'Send an SMS to a recipient',
  inputs: inputsOf({ subAccountId: text(), source: text(), destination: textOr(''), text: textOr('') }),
  defaults: { inputs: { subAccountId: '', source: '', destination: '{{data.payload.source}}', text: '' } },
  validate(check) {
    check.require('destination');
    check.require('text');
  },
  outputs: { requestId: '', umid: '', status: '', description: '' },
  summarize: (inputs) => (inputs.text ? `“${clip(textOf(inputs.text))}”` : 'No text yet'),
});
