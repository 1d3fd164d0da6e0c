import type { Executor } from '@/lib/automation/runner/types';
import { digits, str } from './send-support';

/**
 * SendToConverse: hands the conversation to agents. Until it is released, its inbound messages start
 * no workflow (route-inbound.ts). The Converse inbox reads ConverseHandoff.
 */
export const sendToConverseStep: Executor = {
  async run(ctx) {
    const payload = (ctx.data.payload ?? {}) as { user?: { msisdn?: unknown }; recipient?: { channel?: unknown }; source?: unknown };
    const msisdn = digits(ctx.inputs.msisdn ?? payload.user?.msisdn ?? payload.source);
    if (!msisdn) return { kind: 'fail', error: 'SendToConverse needs a conversation: the workflow was not started by a customer message and inputs.msisdn is missing' };
    const channel = str(ctx.inputs.channel) ?? str(payload.recipient?.channel) ?? (ctx.instance.trigger === 'inbound_sms' ? 'sms' : 'whatsapp');
    const subAccountId = str(ctx.inputs.subAccountId) ?? ctx.instance.subAccountId;
    const open = await ctx.db.converseHandoff.findFirst({ where: { subAccountId, channel, msisdn, releasedAt: null } });
    const handoff =
      open ??
      (await ctx.db.converseHandoff.create({ data: { accountId: ctx.instance.accountId, subAccountId, channel, msisdn, instanceId: ctx.instance.id } }));
    return { kind: 'done', results: { handoffId: handoff.id, status: 'handed_over' } };
  },
};
