import type { Db } from '@/lib/db/client';

export type ChannelActivity = { lastInboundAt: string | null; lastOutboundAt: string | null };

/**
 * When the channel last received and last sent a message. A subaccount has one channel of each kind
 * (lib/provisioning/create-channel.ts), so the kind names the channel and the answer comes from an
 * index alone (Message_logs_direction_idx holds subAccountId, direction, createdAt and channel), in
 * constant time on any number of messages.
 */
export async function channelActivity(db: Db, channel: { subAccountId: string; kind: string }): Promise<ChannelActivity> {
  const last = async (direction: 'inbound' | 'outbound'): Promise<string | null> => {
    const m = await db.message.findFirst({
      where: { subAccountId: channel.subAccountId, direction, channel: channel.kind },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    });
    return m?.createdAt.toISOString() ?? null;
  };
  const [lastInboundAt, lastOutboundAt] = await Promise.all([last('inbound'), last('outbound')]);
  return { lastInboundAt, lastOutboundAt };
}
