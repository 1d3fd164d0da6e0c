/**
 * A large workflow of the shape real menus have: blocks of message → wait for reply → branch,
 * each block's branch leading on to the next block, to a confirmation, or to a goodbye.
 */
export function generateWorkflow(steps: number) {
  const out: Array<Record<string, unknown>> = [];
  const blocks = Math.ceil(steps / 5);
  for (let b = 0; b < blocks; b++) {
    const next = b + 1 < blocks ? `menu_${b + 1}` : undefined;
    out.push({
      id: `menu_${b}`,
      stepType: 'ChatAppsMessage',
      inputs: {
        subAccountId: 'acme_corp',
        user: { msisdn: '{{data.payload.user.msisdn}}' },
        type: 'text',
        content: { text: `Menu ${b}: reply 1 to continue, 2 to confirm` },
      },
      nextStepId: `wait_${b}`,
    });
    out.push({
      id: `wait_${b}`,
      stepType: 'WaitForReply',
      inputs: { from: '{{data.payload.user.msisdn}}', channel: 'whatsapp', timeout: '00:05:00' },
      outputs: { [`reply_${b}`]: '{{step.reply}}' },
      selectNextStep: { [`branch_${b}`]: `{{data.reply_${b} != null}}`, [`bye_${b}`]: `{{data.reply_${b} == null}}` },
    });
    out.push({
      id: `branch_${b}`,
      stepType: 'Branch',
      selectNextStep: {
        ...(next ? { [next]: `{{data.reply_${b}.payload.content.text == '1'}}` } : {}),
        [`confirm_${b}`]: `{{data.reply_${b}.payload.content.text == '2'}}`,
        [`bye_${b}`]: null,
      },
    });
    out.push({
      id: `confirm_${b}`,
      stepType: 'ChatAppsMessage',
      inputs: { subAccountId: 'acme_corp', user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: `Confirmed ${b}` } },
    });
    out.push({
      id: `bye_${b}`,
      stepType: 'ChatAppsMessage',
      inputs: { subAccountId: 'acme_corp', user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: 'Goodbye' } },
    });
  }
  return {
    subAccountId: 'acme_corp',
    trigger: 'inbound_chat_apps',
    status: 'enabled',
    definition: { name: `Bench ${steps} steps`, steps: out.slice(0, steps) },
  };
}
