import { hasTemplate } from '@/lib/automation/script/templates';
import { clip, objectOf, textOf } from '@/lib/automation/graph/summary-text';
import { defineStep } from './define-step';
import { inputsOf, nested, text, textOr } from './lenient-inputs';

const ACTIONS = ['say', 'say&capture', 'playFile'];

/**
 * VoiceMessage: say, say&capture (the Simulator's keypad answers with DTMF) or playFile, to
 * params.destination. Accepts `subaccountId` (the reference's spelling) and `subAccountId`.
 */
export const voiceMessageDefinition = defineStep({
  type: 'VoiceMessage',
  label: 'Voice message',
  category: 'Voice',
  description: 'Call and say or play a message',
  inputs: inputsOf({
    subAccountId: text(),
    subaccountId: text(),
    action: textOr('say'),
    clientRequestId: text(),
    params: nested({ destination: textOr(''), text: text(), fileUrl: text(), url: text(), audioUrl: text(), language: text() }),
  }),
  defaults: {
    inputs: {
      subAccountId: '',
      clientRequestId: '{{uuid()}}',
      action: 'say',
      params: { source: '', destination: '{{data.payload.user.msisdn}}', text: '', repetition: 1, voiceProfile: 'en-US-ZiraRUS', speed: 1 },
    },
    outputs: { response: '{{step.response}}' },
  },
  validate(check) {
    const action = check.inputs.action;
    if (action !== undefined && !(typeof action === 'string' && (hasTemplate(action) || ACTIONS.includes(action))))
      check.error('inputs.action', 'action must be say, say&capture or playFile');
    check.require('params.destination');
  },
  outputs: { response: '' },
  summarize(inputs) {
    const params = objectOf(inputs.params);
    return `${textOf(inputs.action) || 'say'}: ${clip(textOf(params.text || params.url || params.fileUrl) || 'no message yet', 44)}`;
  },
});
