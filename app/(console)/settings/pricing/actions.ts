'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { accountAction } from '@/app/_lib/action';
import { NotFoundError } from '@/lib/errors';
import { deleteRate, ensureRateCardFor, rateInput, upsertRate } from '@/lib/messaging/pricing/rate-card';
import { changeMessagingTier } from '@/lib/messaging/change-messaging-tier';
import { MESSAGING_TIERS } from '@/lib/messaging/messaging-tier-ladder';

export const saveRateAction = accountAction('settings.pricing.manage', rateInput, async (input, ctx) => {
  // The default card first, so the first edit changes one rate of it rather than replacing it.
  await ensureRateCardFor(db, ctx.accountId);
  const row = await db.$transaction(async (tx) => {
    const saved = await upsertRate(tx, ctx.accountId, input);
    await recordAuditEvent(tx, ctx.actor, {
      accountId: ctx.accountId,
      action: 'pricing.rate.save',
      entityType: 'rate_card_entry',
      entityId: saved.id,
      summary: `Set ${input.category} rate for +${input.callingCode} from ${input.fromVolume} messages to ${input.price} USD`,
      changes: input,
    });
    return saved;
  });
  return { id: row.id };
});

export const deleteRateAction = accountAction('settings.pricing.manage', z.object({ id: z.string().min(1) }), async (input, ctx) => {
  await db.$transaction(async (tx) => {
    if (!(await deleteRate(tx, ctx.accountId, input.id))) throw new NotFoundError('Rate not found');
    await recordAuditEvent(tx, ctx.actor, { accountId: ctx.accountId, action: 'pricing.rate.delete', entityType: 'rate_card_entry', entityId: input.id, summary: 'Deleted a rate' });
  });
  return { id: input.id };
});

/** Sandbox: an admin sets the messaging-limit tier by hand; the change fires phone_number_quality_update like an automatic one. */
export const setMessagingTierAction = accountAction(
  'settings.pricing.manage',
  z.object({ tier: z.enum(MESSAGING_TIERS, { error: 'Choose one of the messaging tiers' }) }),
  async (input, ctx) => {
    const change = await changeMessagingTier(db, { accountId: ctx.accountId, to: input.tier, actor: ctx.actor, reason: 'set by an admin in Settings' });
    return { tier: input.tier, event: change?.event ?? null };
  },
);
