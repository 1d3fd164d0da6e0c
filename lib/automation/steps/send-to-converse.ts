import { write } from '@/lib/db/tx';
import { systemActor } from '@/lib/audit/record-audit-event';
import { openTicket } from '@/lib/converse/ticket-rows';
import { defineExecutor } from './define-executor';
import { digits, str } from './lenient-inputs';
import { sendToConverseDefinition } from './send-to-converse-definition';
import { stepSubAccount } from './step-sub-account';

const HAND_OVER = systemActor('Automation (Send to Converse)');

/**
 * SendToConverse: hands the conversation to agents by opening a Converse ticket (lib/converse). Until
 * the ticket is closed, the customer's messages go to it and start or resume no workflow
 * (route-inbound.ts). A not-closed ticket of the same conversation is joined instead (looked up and
 * written in one write transaction, so two never open at once), and the workflow's progress up to
 * this step is stored with it.
 */
export const sendToConverseStep = defineExecutor(sendToConverseDefinition, {
  async run(ctx, inputs) {
    const payload = (ctx.data.payload ?? {}) as { user?: { msisdn?: unknown }; recipient?: { channel?: unknown }; source?: unknown };
    const msisdn = digits(inputs.msisdn ?? payload.user?.msisdn ?? payload.source);
    if (!msisdn)
      return { kind: 'fail', error: 'SendToConverse needs a conversation: the workflow was not started by a customer message and inputs.msisdn is missing' };
    const channel = (inputs.channel ?? str(payload.recipient?.channel) ?? (ctx.instance.trigger === 'inbound_sms' ? 'sms' : 'whatsapp')).toLowerCase();
    const sub = await stepSubAccount(ctx, inputs.subAccountId, inputs.subaccountId);
    if (!sub.ok) return sub.outcome;
    const subAccountId = sub.id;
    const { ticket } = await write(ctx.db, function* (t) {
      yield* ctx.persistWith(t);
      return yield* openTicket(t, {
        accountId: ctx.instance.accountId,
        subAccountId,
        channel,
        msisdn,
        workflowId: ctx.instance.id,
        definitionId: ctx.instance.definitionId,
        at: new Date(),
        actor: HAND_OVER,
      });
    });
    return { kind: 'done', results: { ticketId: ticket.id, status: 'handed_over' } };
  },
});
