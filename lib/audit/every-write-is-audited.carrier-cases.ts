// Carrier callbacks (app/api/providers): written by the carrier, not by a user or an API key.
export const CARRIER_NOT_AUDITED: Record<string, string> = {
  'api/providers/8x8/[channelId]/webhooks/route.ts POST':
    '8x8’s webhook (authenticated by the channel’s webhook secret): inbound messages and receipts are recorded as messages and status events; a template decision is audited as WhatsApp’s review',
};
