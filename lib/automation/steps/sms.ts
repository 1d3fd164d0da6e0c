import { sendSms } from '@/lib/messaging/send-sms';
import { defineExecutor } from './define-executor';
import { sendFailed, sendKey } from './send-support';
import { smsDefinition } from './sms-definition';

/** SMS: through the one send pipeline, idempotent per (instance, step, visit). */
export const smsStep = defineExecutor(smsDefinition, {
  async run(ctx, inputs) {
    const clientMessageId = sendKey(ctx);
    try {
      const sent = await sendSms(ctx.db, {
        accountId: ctx.instance.accountId,
        subAccountId: inputs.subAccountId ?? ctx.instance.subAccountId,
        destination: inputs.destination,
        text: inputs.text,
        source: inputs.source ?? null,
        clientMessageId,
        origin: { workflowId: ctx.instance.id, alsoWrite: ctx.persistWith },
      });
      return {
        kind: 'done',
        results: { requestId: clientMessageId, umid: sent.umid, status: sent.status.state, description: 'SMS is accepted and queued for processing' },
      };
    } catch (err) {
      return sendFailed('SMS message', err);
    }
  },
});
