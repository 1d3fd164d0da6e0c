'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { accountAction } from '@/app/_lib/action';
import { rateInput } from '@/lib/messaging/pricing/rate-card';
import { saveRate } from '@/lib/messaging/pricing/save-rate';
import { deleteRate } from '@/lib/messaging/pricing/delete-rate';
import { changeMessagingTier } from '@/lib/messaging/change-messaging-tier';
import { MESSAGING_TIERS } from '@/lib/messaging/messaging-tier-ladder';

export const saveRateAction = accountAction('settings.pricing.manage', rateInput, (input, ctx) => saveRate(db, ctx.accountId, input, ctx.actor));

export const deleteRateAction = accountAction('settings.pricing.manage', z.object({ id: z.string().min(1) }), async (input, ctx) => {
  await deleteRate(db, ctx.accountId, input.id, ctx.actor);
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
