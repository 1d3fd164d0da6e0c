import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';

/** Removes one rate of the account's card, audited under `actor` in the same transaction. */
export async function deleteRate(db: Db, accountId: string, id: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.rateCardEntry.deleteMany({ where: { id, accountId } });
    if (!count) throw new NotFoundError('Rate not found');
    await recordAuditEvent(tx, actor, { accountId, action: 'pricing.rate.delete', entityType: 'rate_card_entry', entityId: id, summary: 'Deleted a rate' });
  });
}
