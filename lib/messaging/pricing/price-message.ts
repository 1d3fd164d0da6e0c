import type { Step, Tx } from '@/lib/db/tx';
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
 * Runs inside the status change's write transaction.
 */
export function* priceDeliveredMessage(t: Tx, ctx: PriceContext): Step<Price> {
  const category = ctx.category ?? 'service';
  if (category === 'service' || ctx.inFep || (category === 'utility' && ctx.inCsw)) return { priceMicros: 0, currency: 'USD' };
  const month = ctx.at.toISOString().slice(0, 7);
  const { count } = (yield* t.one<{ count: number }>(
    `INSERT INTO "MonthlyVolume" ("accountId", "month", "category", "count") VALUES (?, ?, ?, 1)
     ON CONFLICT ("accountId", "month", "category") DO UPDATE SET "count" = "MonthlyVolume"."count" + 1 RETURNING "count"`,
    ctx.accountId,
    month,
    category,
  ))!;
  yield* ensureRateCard(t, ctx.accountId);
  // The message itself is number `count` this month; the tier is chosen by the volume before it.
  const reached = count - 1;
  for (const code of [ctx.callingCode, '*']) {
    const rate = yield* t.one<Price>(
      'SELECT "priceMicros", "currency" FROM "RateCardEntry" WHERE "accountId" = ? AND "category" = ? AND "callingCode" = ? AND "fromVolume" <= ? ORDER BY "fromVolume" DESC LIMIT 1',
      ctx.accountId,
      category,
      code,
      reached,
    );
    if (rate) return rate;
  }
  return { priceMicros: 0, currency: 'USD' };
}
