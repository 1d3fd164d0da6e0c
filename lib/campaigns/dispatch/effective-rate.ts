import type { Db } from '@/lib/db/client';
import { read } from '@/lib/db/tx';
import { NotFoundError } from '@/lib/errors';

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

/** The account's campaign's rates (404 for another account's), for the page to show the real one. */
export async function readCampaignRate(db: Db, accountId: string, id: string): Promise<CampaignRate> {
  const row = await read(db, (t) =>
    t.one<{ ratePerSecond: number; channelRate: number | null }>(
      `SELECT c."ratePerSecond", ch."rateLimitPerSecond" AS "channelRate" FROM "Campaign" c LEFT JOIN "Channel" ch ON ch."id" = c."channelId" WHERE c."id" = ? AND c."accountId" = ?`,
      id,
      accountId,
    ),
  );
  if (!row) throw new NotFoundError(`Campaign '${id.slice(0, 100)}' not found`);
  return campaignRate(row.ratePerSecond, row.channelRate);
}
