// A campaign's real send rate: dispatch holds its own ratePerSecond, and the outbox then holds the
// channel's rate (Channel.rateLimitPerSecond, WhatsApp's 80/s per number by default) for every send
// on that number, so what the customer sees is the smaller of the two. Dispatch also hands over no
// faster than that, so a pause stops the campaign at once instead of behind a backlog in the outbox.

/** The outbox's rate for a channel without its own (lib/messaging/process-outbox.ts). */
export const DEFAULT_CHANNEL_RATE = 80;

export type CampaignRate = { configured: number; channel: number; effective: number };

export function campaignRate(ratePerSecond: number, channelRatePerSecond: number | null | undefined): CampaignRate {
  const channel = channelRatePerSecond ?? DEFAULT_CHANNEL_RATE;
  return { configured: ratePerSecond, channel, effective: Math.max(1, Math.min(ratePerSecond, channel)) };
}
