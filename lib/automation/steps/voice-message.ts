import { sendVoiceMessage } from '@/lib/messaging/send-voice-message';
import { defineExecutor } from './define-executor';
import { sendFailed, sendKey } from './send-support';
import { voiceMessageDefinition } from './voice-message-definition';

/**
 * VoiceMessage over the sandbox voice channel: say, say&capture (the Simulator's keypad answers with
 * DTMF) or playFile. Accepts `subaccountId` (the reference's spelling) and `subAccountId`.
 */
export const voiceMessageStep = defineExecutor(voiceMessageDefinition, {
  async run(ctx, inputs) {
    const { action, params } = inputs;
    const text = action === 'playFile' ? `[audio] ${params.fileUrl ?? params.url ?? params.audioUrl ?? ''}` : (params.text ?? '');
    const clientMessageId = sendKey(ctx);
    try {
      const sent = await sendVoiceMessage(ctx.db, {
        accountId: ctx.instance.accountId,
        subAccountId: inputs.subAccountId ?? inputs.subaccountId ?? ctx.instance.subAccountId,
        destination: params.destination,
        text,
        language: params.language ?? null,
        clientMessageId,
        origin: { workflowId: ctx.instance.id, alsoWrite: ctx.persistWith },
      });
      const response = {
        sessionId: sent.umid,
        clientRequestId: inputs.clientRequestId ?? clientMessageId,
        action,
        statusCode: 1,
        statusMessage: 'Created',
      };
      return { kind: 'done', results: { response } };
    } catch (err) {
      return sendFailed('voice message', err);
    }
  },
});
