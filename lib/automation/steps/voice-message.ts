import { sendVoiceMessage } from '@/lib/messaging/send-voice-message';
import type { Executor } from '@/lib/automation/runner/types';
import { sendFailed, sendKey, str } from './send-support';

/**
 * VoiceMessage over the sandbox voice channel: say, say&capture (the Simulator's keypad answers with
 * DTMF) or playFile. Accepts `subaccountId` (the reference's spelling) and `subAccountId`.
 */
export const voiceMessageStep: Executor = {
  async run(ctx) {
    const { inputs } = ctx;
    const params = (inputs.params && typeof inputs.params === 'object' ? inputs.params : {}) as Record<string, unknown>;
    const action = str(inputs.action) ?? 'say';
    const text = action === 'playFile' ? `[audio] ${str(params.fileUrl) ?? str(params.url) ?? str(params.audioUrl) ?? ''}` : str(params.text) ?? '';
    const clientMessageId = sendKey(ctx);
    try {
      const sent = await sendVoiceMessage(ctx.db, {
        accountId: ctx.instance.accountId,
        subAccountId: str(inputs.subAccountId) ?? str(inputs.subaccountId) ?? ctx.instance.subAccountId,
        destination: str(params.destination) ?? '',
        text,
        language: str(params.language) ?? null,
        clientMessageId,
        origin: { workflowId: ctx.instance.id, alsoWrite: ctx.persistWith },
      });
      const response = {
        sessionId: sent.umid,
        clientRequestId: str(inputs.clientRequestId) ?? clientMessageId,
        action,
        statusCode: 1,
        statusMessage: 'Created',
      };
      return { kind: 'done', results: { response } };
    } catch (err) {
      return sendFailed('voice message', err);
    }
  },
};
