import { defineStep } from './define-step';
import { inputsOf, raw, text } from './lenient-inputs';

/**
 * SendToConverse: hands the conversation to agents. By default the conversation is the customer's who
 * started the workflow; `msisdn`, `channel` and the subaccount (either spelling) name another.
 */
export const sendToConverseDefinition = defineStep({
  type: 'SendToConverse',
  label: 'Send to Converse',
  category: 'Integrations',
  description: 'Hand the conversation to a live agent',
  inputs: inputsOf({ msisdn: raw(), channel: text(), subAccountId: text(), subaccountId: text() }),
  defaults: { inputs: {} },
  outputs: {},
  summarize: () => 'Hand over to a live agent',
});
