import { sendMessage } from '@/lib/messaging/send-message';
import { chatAppsMessageDefinition } from './chat-apps-message-definition';
import { defineExecutor } from './define-executor';
import { sendFailed, sendKey } from './send-support';

/** ChatAppsMessage: the inputs are the 8x8 Chat Apps payload; sent through the one pipeline. */
export const chatAppsMessageStep = defineExecutor(chatAppsMessageDefinition, {
  async run(ctx, inputs) {
    const { subAccountId, ...payload } = inputs;
    const clientMessageId = sendKey(ctx);
    try {
      const sent = await sendMessage(ctx.db, {
        accountId: ctx.instance.accountId,
        subAccountId: subAccountId ?? ctx.instance.subAccountId,
        body: { ...payload, clientMessageId },
        origin: { workflowId: ctx.instance.id, alsoWrite: ctx.persistWith },
      });
      return {
        kind: 'done',
        results: { requestId: clientMessageId, umid: sent.umid, status: sent.status.state, description: 'Message is accepted and queued for processing' },
      };
    } catch (err) {
      return sendFailed('chat apps message', err);
    }
  },
});
