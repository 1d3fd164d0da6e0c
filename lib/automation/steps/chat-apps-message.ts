import { sendMessage } from '@/lib/messaging/send-message';
import type { Executor } from '@/lib/automation/runner/types';
import { sendFailed, sendKey, str } from './send-support';

/** ChatAppsMessage: the inputs are the 8x8 Chat Apps payload; sent through the one pipeline. */
export const chatAppsMessageStep: Executor = {
  async run(ctx) {
    const { subAccountId, ...payload } = ctx.inputs;
    const clientMessageId = sendKey(ctx);
    try {
      const sent = await sendMessage(ctx.db, {
        accountId: ctx.instance.accountId,
        subAccountId: str(subAccountId) ?? ctx.instance.subAccountId,
        body: { ...payload, clientMessageId },
        origin: { workflowId: ctx.instance.id, alsoWrite: ctx.persistWith },
      });
      return { kind: 'done', results: { requestId: clientMessageId, umid: sent.umid, status: sent.status.state, description: 'Message is accepted and queued for processing' } };
    } catch (err) {
      return sendFailed('chat apps message', err);
    }
  },
};
