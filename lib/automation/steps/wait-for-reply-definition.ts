import { describeDuration } from '@/lib/automation/graph/duration';
import { textOf } from '@/lib/automation/graph/summary-text';
import { defineStep } from './define-step';
import { inputsOf, raw, text } from './lenient-inputs';

/**
 * WaitForReply: waits for `from` (by default the sender who started the workflow) to write on
 * `channel`, for `timeout` (default 1 day). The subaccount may be spelled subAccountId or subaccountId.
 */
export const waitForReplyDefinition = defineStep({
  type: 'WaitForReply',
  label: 'Wait for reply',
  category: 'Flow',
  description: 'Pause until the customer replies, or time out',
  inputs: inputsOf({ from: raw(), channel: text(), timeout: raw(), subAccountId: text(), subaccountId: text() }),
  defaults: {
    inputs: { from: '{{data.payload.user.msisdn}}', channel: 'whatsapp', timeout: '00:05:00' },
    outputs: { reply: '{{step.reply}}' },
    branches: [{ condition: '{{step.reply != null}}' }, { condition: '{{step.reply == null}}' }],
  },
  validate(check) {
    check.duration('timeout', check.inputs.timeout);
  },
  outputs: { reply: 'the inbound event, or null on timeout' },
  summarize: (inputs) => `Reply on ${textOf(inputs.channel) || 'any channel'} · timeout ${inputs.timeout ? describeDuration(textOf(inputs.timeout)) : '1 d'}`,
});
