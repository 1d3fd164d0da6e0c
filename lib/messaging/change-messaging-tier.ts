import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { NotFoundError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record-event';
import { tierChangeEvent, type MessagingTier } from '@/lib/messaging/messaging-tier-ladder';
import { phoneQualityEventBody } from '@/lib/messaging/phone-quality-event-body';

export type TierChange = { from: string; to: MessagingTier; event: 'UPGRADE' | 'DOWNGRADE' };

/**
 * Sets the account's messaging-limit tier, whoever decides it (the automatic upgrade or an admin in
 * Settings). In one transaction: the tier and when it began, the audit entry, and one
 * phone_number_quality_update per WhatsApp number of the account, since the limit is shared by every
 * number of the portfolio and WhatsApp notifies per number. Returns null when nothing changed: the
 * tier is already `to`, or is no longer `expectFrom` (someone else changed it first).
 */
export async function changeMessagingTier(
  db: Db,
  args: { accountId: string; to: MessagingTier; actor: Actor; reason: string; expectFrom?: string; now?: Date },
): Promise<TierChange | null> {
  const now = args.now ?? new Date();
  return db.$transaction(async (tx) => {
    const account = await tx.account.findUnique({ where: { id: args.accountId }, select: { messagingTier: true } });
    if (!account) throw new NotFoundError('Account not found');
    const from = account.messagingTier;
    if (from === args.to || (args.expectFrom !== undefined && from !== args.expectFrom)) return null;
    // Conditional on the tier read: of two concurrent changes from the same tier, one wins.
    const { count } = await tx.account.updateMany({
      where: { id: args.accountId, messagingTier: from },
      data: { messagingTier: args.to, messagingTierSince: now },
    });
    if (!count) return null;
    const event = tierChangeEvent(from, args.to);
    await recordAuditEvent(tx, args.actor, {
      accountId: args.accountId,
      action: `account.messaging_tier.${event.toLowerCase()}`,
      entityType: 'account',
      entityId: args.accountId,
      summary: `Messaging limit ${event === 'UPGRADE' ? 'upgraded' : 'lowered'} from ${from} to ${args.to}: ${args.reason}`,
      changes: { messagingTier: { from, to: args.to } },
    });
    const numbers = await tx.channel.findMany({
      where: { kind: 'whatsapp', subAccount: { accountId: args.accountId } },
      select: { subAccountId: true, address: true },
      orderBy: { id: 'asc' },
    });
    for (const n of numbers) {
      await recordEvent(tx, {
        accountId: args.accountId,
        subAccountId: n.subAccountId,
        eventType: 'phone_number_quality_update',
        body: phoneQualityEventBody(n.address, { event, currentLimit: args.to, oldLimit: from }, now),
      });
    }
    return { from, to: args.to, event };
  });
}
