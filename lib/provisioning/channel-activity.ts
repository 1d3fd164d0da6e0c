import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { readDate } from '@/lib/db/sql';

/** How many of the subaccount's newest messages are looked through for a channel that shares its kind. */
export const ACTIVITY_SCAN_LIMIT = 50_000;

export type ChannelActivity = {
  lastInboundAt: string | null;
  lastOutboundAt: string | null;
  /** Set when the subaccount has other channels of this kind: "null" then means none among its newest ACTIVITY_SCAN_LIMIT messages. */
  scanLimit: number | null;
};

/**
 * When the channel last received and last sent a message. Message has no index that starts with the
 * channel id, so this reads the subaccount's indexes newest first. For the only channel of its kind in
 * its subaccount (the usual case) the kind names the channel, and the answer comes from an index alone
 * (Message_logs_direction_idx holds subAccountId, direction, createdAt and channel) in constant time on
 * any number of messages. With several channels of one kind, the rows are checked newest first, but
 * only the newest ACTIVITY_SCAN_LIMIT, so an idle channel beside a busy sibling costs a bounded read
 * (~0.1 s) instead of one over every message the sibling ever sent.
 */
export async function channelActivity(db: Db, channel: { id: string; subAccountId: string; kind: string }, onlyOfItsKind: boolean): Promise<ChannelActivity> {
  const last = async (direction: 'inbound' | 'outbound'): Promise<string | null> => {
    if (onlyOfItsKind) {
      const m = await db.message.findFirst({
        where: { subAccountId: channel.subAccountId, direction, channel: channel.kind },
        orderBy: { createdAt: 'desc' },
        select: { createdAt: true },
      });
      return m?.createdAt.toISOString() ?? null;
    }
    const rows = await db.$queryRaw<{ createdAt: unknown }[]>(Prisma.sql`
      SELECT "createdAt" FROM (
        SELECT "createdAt", "channelId" FROM "Message"
        WHERE "subAccountId" = ${channel.subAccountId} AND "direction" = ${direction} AND "channel" = ${channel.kind}
        ORDER BY "createdAt" DESC LIMIT ${ACTIVITY_SCAN_LIMIT}
      ) AS "recent" WHERE "channelId" = ${channel.id} ORDER BY "createdAt" DESC LIMIT 1`);
    return rows[0] ? readDate(rows[0].createdAt).toISOString() : null;
  };
  const [lastInboundAt, lastOutboundAt] = await Promise.all([last('inbound'), last('outbound')]);
  return { lastInboundAt, lastOutboundAt, scanLimit: onlyOfItsKind ? null : ACTIVITY_SCAN_LIMIT };
}
