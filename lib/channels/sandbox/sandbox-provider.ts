import type { ChannelProvider, OutboundForProvider, ProviderAnswer, ProviderReceipt } from '@/lib/channels/provider';
import { UNREACHABLE_DESTINATION } from '@/lib/messaging/codes';

// The built-in phone network: every message is sent at once, delivered ~0.3 s later and read ~0.8 s
// later; numbers ending in 0000 are unreachable. Voice calls are "delivered" when answered (no read).
export const SANDBOX_TIMING = { sent: 0, delivered: 300, read: 800, undelivered: 300 };

export function isUnreachable(msisdn: string): boolean {
  return msisdn.endsWith('0000');
}

export const sandboxProvider: ChannelProvider = {
  name: 'sandbox',
  async send(message: OutboundForProvider): Promise<ProviderAnswer> {
    return { receipts: receiptsFor(message) };
  },
};

function receiptsFor(message: OutboundForProvider): ProviderReceipt[] {
  if (isUnreachable(message.msisdn)) {
    return [
      { state: 'sent', afterMs: SANDBOX_TIMING.sent },
      {
        state: 'undelivered',
        afterMs: SANDBOX_TIMING.undelivered,
        detail: 'unreachable',
        errorCode: UNREACHABLE_DESTINATION.code,
        errorMessage: UNREACHABLE_DESTINATION.message,
      },
    ];
  }
  const receipts: ProviderReceipt[] = [
    { state: 'sent', afterMs: SANDBOX_TIMING.sent },
    { state: 'delivered', afterMs: SANDBOX_TIMING.delivered },
  ];
  if (message.channel === 'whatsapp') receipts.push({ state: 'read', afterMs: SANDBOX_TIMING.read });
  return receipts;
}
