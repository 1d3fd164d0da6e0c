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
  // The tier is chosen by the volume before this message: what is stored, plus what this transaction
  // has counted and not yet written. Every delivery of the account adds to the one row, so on PostgreSQL
  // it is written as the transaction commits (Tx.addAtEnd) rather than locked from here on; concurrent
  // batches then each price from the volume committed before them (a tier may start a batch late).
  const key = `MonthlyVolume:${ctx.accountId}:${month}:${category}`;
  const stored = yield* t.one<{ count: number }>(
    'SELECT "count" FROM "MonthlyVolume" WHERE "accountId" = ? AND "month" = ? AND "category" = ?',
    ctx.accountId,
    month,
    category,
  );
  const reached = (stored?.count ?? 0) + t.addedAtEnd(key);
  yield* t.addAtEnd(
    key,
    `INSERT INTO "MonthlyVolume" ("count", "accountId", "month", "category") VALUES (?, ?, ?, ?)
     ON CONFLICT ("accountId", "month", "category") DO UPDATE SET "count" = "MonthlyVolume"."count" + excluded."count"`,
    [1],
    [ctx.accountId, month, category],
  );
  yield* ensureRateCard(t, ctx.accountId);
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
