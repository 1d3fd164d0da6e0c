import type { ChannelForProvider, OutboundForProvider } from '@/lib/channels/provider';
import { regionBaseUrl } from '@/lib/channels/regions';
import type { EightByEightCredentials } from '@/lib/channels/eightbyeight/credentials';

export type EightByEightRequest = { url: string; body: Record<string, unknown> };

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

// The send API takes a location as { location: {...} } or flat; 8x8 takes the nested form.
function chatAppsContent(type: string, content: Record<string, unknown>): Record<string, unknown> {
  if (type === 'location' && !('location' in content)) {
    const { latitude, longitude, name, address, ...rest } = content;
    return { ...rest, location: { latitude, longitude, name, address } };
  }
  return content;
}

/**
 * The 8x8 request for a message: WhatsApp through the Chat Apps API ({ user, type, content }), SMS
 * through the SMS API ({ source, destination, text, encoding }), both at the account region's base URL
 * under the channel's 8x8 subaccount, with our umid as clientMessageId so 8x8 can tell a retry from a
 * new message and its webhooks name ours.
 */
export function buildSendRequest(
  message: OutboundForProvider,
  channel: ChannelForProvider,
  credentials: EightByEightCredentials,
  baseOverride?: string,
): EightByEightRequest {
  const path = `/api/v1/subaccounts/${encodeURIComponent(credentials.subAccountId)}/messages`;
  const content = record(message.content);
  if (channel.kind === 'sms') {
    return {
      url: `${regionBaseUrl(channel.region, 'sms', baseOverride)}${path}`,
      body: {
        source: typeof content.source === 'string' && content.source ? content.source : channel.address,
        destination: message.msisdn,
        text: typeof content.text === 'string' ? content.text : '',
        encoding: 'AUTO',
        clientMessageId: message.umid,
      },
    };
  }
  return {
    url: `${regionBaseUrl(channel.region, 'chatapps', baseOverride)}${path}`,
    body: {
      user: { msisdn: message.msisdn },
      type: message.type,
      content: chatAppsContent(message.type, content),
      clientMessageId: message.umid,
    },
  };
}
