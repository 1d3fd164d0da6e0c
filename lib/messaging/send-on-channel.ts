import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { findSubAccountCached } from '@/lib/messaging/cached-sub-account';
import { assertAccountActive } from '@/lib/tenancy/find-sub-account';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { enqueueOutbound, type SendAccepted, type SendOrigin } from '@/lib/messaging/enqueue-outbound';

type ChannelSend = {
  accountId: string;
  subAccountId: string;
  destination: string;
  clientMessageId?: string | null;
  origin?: SendOrigin;
  /** The channel to send from (a channel page's test send); the subaccount's first of the kind otherwise. */
  channelId?: string;
};

/**
 * The shared tail of the non-Chat-Apps sends (SMS, voice): resolve the destination and the
 * subaccount's channel of that kind, and enqueue through the one pipeline (which honours clientMessageId).
 */
export async function sendOnChannel(
  db: Db,
  req: ChannelSend,
  kind: 'sms' | 'voice',
  type: string,
  content: (channelAddress: string | null) => Record<string, unknown>,
): Promise<SendAccepted> {
  const to = parseMsisdn(req.destination, 'destination');
  const sub = await findSubAccountCached(db, req.accountId, req.subAccountId);
  assertAccountActive(sub);
  const channel = sub.channels.find((c) => c.kind === kind && (req.channelId === undefined || c.id === req.channelId)) ?? null;
  if (req.channelId !== undefined && !channel) throw new NotFoundError(`Channel '${req.channelId}' not found`);
  // A retry with the same clientMessageId gets the first send's answer from insertOutbound's lookup.
  return enqueueOutbound(db, {
    accountId: req.accountId,
    subAccountId: sub.id,
    channelId: channel?.id ?? null,
    channel: kind,
    to,
    type,
    content: content(channel?.address ?? null),
    category: 'service',
    clientMessageId: req.clientMessageId ?? null,
    origin: req.origin,
  });
}
