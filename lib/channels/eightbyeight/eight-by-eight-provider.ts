import { env } from '@/lib/env';
import { type ChannelForProvider, type ChannelProvider, type OutboundForProvider, type ProviderAnswer, PermanentProviderError } from '@/lib/channels/provider';
import { buildSendRequest } from '@/lib/channels/eightbyeight/build-send-request';
import { callEightByEight } from '@/lib/channels/eightbyeight/call-eight-by-eight';
import { readEightByEightCredentials } from '@/lib/channels/eightbyeight/credentials';
import { submitEightByEightTemplate } from '@/lib/channels/eightbyeight/submit-template';

const REFUSED_STATES = new Set(['rejected', 'undelivered', 'failed']);

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Reads 8x8's accepted answer: its umid, and a refusal it may state inside a 200. */
export function readSendAnswer(json: unknown): ProviderAnswer {
  const body = record(json);
  const status = record(body.status);
  const state = typeof status.state === 'string' ? status.state.toLowerCase() : '';
  if (REFUSED_STATES.has(state)) {
    const message =
      typeof status.errorMessage === 'string' ? status.errorMessage : typeof status.detail === 'string' ? status.detail : '8x8 refused the message';
    throw new PermanentProviderError(
      message,
      state === 'undelivered' ? 'undelivered' : 'rejected',
      typeof status.errorCode === 'number' ? status.errorCode : undefined,
    );
  }
  // Receipts come through the channel's webhook (outbound_message_status_changed).
  return { receipts: [], carrierId: typeof body.umid === 'string' && body.umid ? body.umid : undefined };
}

export const eightByEightProvider: ChannelProvider = {
  name: '8x8',
  async send(message: OutboundForProvider, channel: ChannelForProvider | null, signal?: AbortSignal): Promise<ProviderAnswer> {
    if (!channel) throw new PermanentProviderError('The message has no channel to send it through 8x8');
    if (channel.kind !== 'whatsapp' && channel.kind !== 'sms') {
      throw new PermanentProviderError(`8x8 channels send WhatsApp and SMS, not ${channel.kind}`);
    }
    const credentials = readEightByEightCredentials(channel.credentials);
    if (!credentials) throw new PermanentProviderError(`Channel '${channel.id}' has no complete 8x8 credentials (apiKey, subAccountId, webhookSecret)`);
    const request = buildSendRequest(message, channel, credentials, env.PARLEY_8X8_BASE_URL);
    return readSendAnswer(await callEightByEight(request.url, credentials.apiKey, request.body, signal));
  },
  submitTemplate: submitEightByEightTemplate,
};
