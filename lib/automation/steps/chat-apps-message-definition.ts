import { clip, objectOf, textOf } from '@/lib/automation/graph/summary-text';
import { defineStep } from './define-step';
import { inputsOf, text } from './lenient-inputs';

/**
 * ChatAppsMessage: the inputs are the 8x8 Chat Apps payload (user, type, content or template), which
 * the send pipeline validates; only the subaccount is read here, the rest passes through as written.
 */
export const chatAppsMessageDefinition = defineStep({
  type: 'ChatAppsMessage',
  label: 'Chat Apps message',
  category: 'Messages',
  description: 'Send a WhatsApp, Viber or other chat apps message',
  inputs: inputsOf({ subAccountId: text() }),
  defaults: { inputs: { subAccountId: '', user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: '' } } },
  validate(check) {
    check.require('user');
    check.object('user');
    check.object('content');
    check.object('template');
    if (check.inputs.content === undefined && check.inputs.template === undefined) check.require('content');
  },
  outputs: { requestId: '', umid: '', status: '', description: '' },
  summarize(inputs) {
    const content = objectOf(inputs.content);
    const template = objectOf(content.template);
    if (template.name) return `Template ${textOf(template.name)}`;
    if (content.text) return `“${clip(textOf(content.text))}”`;
    if (objectOf(content.interactive).body) return `Buttons: “${clip(textOf(objectOf(objectOf(content.interactive).body).text))}”`;
    return inputs.type && inputs.type !== 'text' ? `${textOf(inputs.type)} message` : 'No text yet';
  },
});
