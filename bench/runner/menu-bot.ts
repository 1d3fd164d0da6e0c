import type { Db } from '@/lib/db/client';
import { createWorkflow } from '@/lib/automation/workflows';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

/** The benches' menu bot (bench/runner, bench/scale): inbound → menu → WaitForReply → Branch → reply. */
export async function createMenuBot(db: Db): Promise<void> {
  await createWorkflow(
    db,
    'acme_corp',
    {
      subAccountId: 'acme_corp_chatapps',
      trigger: 'inbound_chat_apps',
      status: 'enabled',
      definition: {
        name: 'Menu bot',
        steps: [
          {
            id: 'menu',
            stepType: 'ChatAppsMessage',
            inputs: { user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: 'Hi! 1 Sales, 2 Support, 3 Billing' } },
            outputs: { who: '{{data.payload.user.msisdn}}' },
            nextStepId: 'wait',
          },
          {
            id: 'wait',
            stepType: 'WaitForReply',
            inputs: { from: '{{data.who}}', channel: 'whatsapp', timeout: '00:05:00' },
            outputs: { choice: '{{step.reply == null ? null : step.reply.payload.content.text}}' },
            nextStepId: 'route',
          },
          { id: 'route', stepType: 'Branch', selectNextStep: { sales: "{{data.choice == '1'}}", support: "{{data.choice == '2'}}", other: null } },
          { id: 'sales', stepType: 'ChatAppsMessage', inputs: { user: { msisdn: '{{data.who}}' }, type: 'text', content: { text: 'Sales will call you' } } },
          {
            id: 'support',
            stepType: 'ChatAppsMessage',
            inputs: { user: { msisdn: '{{data.who}}' }, type: 'text', content: { text: 'Support ticket opened' } },
          },
          {
            id: 'other',
            stepType: 'ChatAppsMessage',
            inputs: { user: { msisdn: '{{data.who}}' }, type: 'text', content: { text: 'Billing: see your invoice' } },
          },
        ],
      },
    },
    { actor: SYSTEM_ACTOR },
  );
}
