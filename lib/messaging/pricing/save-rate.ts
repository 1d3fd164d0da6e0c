import type { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { ensureRateCardFor, upsertRate, type rateInput } from '@/lib/messaging/pricing/rate-card';

/** Sets one rate of the account's card (Settings → Pricing), audited under `actor` in the same transaction. */
export async function saveRate(db: Db, accountId: string, input: z.infer<typeof rateInput>, actor: Actor): Promise<{ id: string }> {
  // The default card first, so the first edit changes one rate of it rather than replacing it.
  await ensureRateCardFor(db, accountId);
  return db.$transaction(async (tx) => {
    const saved = await upsertRate(tx, accountId, input);
    await recordAuditEvent(tx, actor, {
      accountId,
      action: 'pricing.rate.save',
      entityType: 'rate_card_entry',
      entityId: saved.id,
      summary: `Set ${input.category} rate for +${input.callingCode} from ${input.fromVolume} messages to ${input.price} USD`,
      changes: input,
    });
    return { id: saved.id };
  });
}
