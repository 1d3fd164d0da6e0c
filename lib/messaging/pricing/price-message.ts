import type { Tx } from '@/lib/messaging/tx';
import { ensureRateCard } from '@/lib/messaging/pricing/rate-card';

export type PriceContext = {
  accountId: string;
  category: string | null;
  callingCode: string;
  /** Inside the 24 h customer service window at delivery. */
  inCsw: boolean;
  /** Inside the 72 h free entry point at delivery. */
  inFep: boolean;
  at: Date;
};

export type Price = { priceMicros: number; currency: string };

/**
 * The price of one delivered message (per-message pricing): only templates are charged, by category and
 * the recipient's calling code, at the volume tier the account has reached this month; utility is free
 * inside the CSW and everything is free inside the FEP. Counts the message towards the month's volume.
 */
export async function priceDeliveredMessage(tx: Tx, ctx: PriceContext): Promise<Price> {
  const category = ctx.category ?? 'service';
  if (category === 'service' || ctx.inFep || (category === 'utility' && ctx.inCsw)) return { priceMicros: 0, currency: 'USD' };
  const month = ctx.at.toISOString().slice(0, 7);
  const volume = await tx.monthlyVolume.upsert({
    where: { accountId_month_category: { accountId: ctx.accountId, month, category } },
    create: { accountId: ctx.accountId, month, category, count: 1 },
    update: { count: { increment: 1 } },
  });
  await ensureRateCard(tx, ctx.accountId);
  // The message itself is number `volume.count` this month; the tier is chosen by the volume before it.
  const reached = volume.count - 1;
  for (const code of [ctx.callingCode, '*']) {
    const rate = await tx.rateCardEntry.findFirst({
      where: { accountId: ctx.accountId, category, callingCode: code, fromVolume: { lte: reached } },
      orderBy: { fromVolume: 'desc' },
    });
    if (rate) return { priceMicros: rate.priceMicros, currency: rate.currency };
  }
  return { priceMicros: 0, currency: 'USD' };
}
