import { sendSms } from '@/lib/messaging/send-sms';
import type { Executor } from '@/lib/automation/runner/types';
import { sendFailed, sendKey, str } from './send-support';

/** SMS: through the one send pipeline, idempotent per (instance, step, visit). */
export const smsStep: Executor = {
  async run(ctx) {
    const { inputs } = ctx;
    const clientMessageId = sendKey(ctx);
    try {
      const sent = await sendSms(ctx.db, {
        accountId: ctx.instance.accountId,
        subAccountId: str(inputs.subAccountId) ?? ctx.instance.subAccountId,
        destination: str(inputs.destination) ?? '',
        text: str(inputs.text) ?? '',
        source: str(inputs.source) ?? null,
        clientMessageId,
        origin: { workflowId: ctx.instance.id, alsoWrite: ctx.persistWith },
      });
      return { kind: 'done', results: { requestId: clientMessageId, umid: sent.umid, status: sent.status.state, description: 'SMS is accepted and queued for processing' } };
    } catch (err) {
      return sendFailed('SMS message', err);
    }
  },
};
