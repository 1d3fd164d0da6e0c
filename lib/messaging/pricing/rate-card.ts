import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { newId, sqlDate } from '@/lib/db/sql';
import { type Step, type Tx as SqlTx, write } from '@/lib/db/tx';
import type { Tx } from '@/lib/messaging/tx';
import { DEFAULT_RATE_CARD } from '@/lib/messaging/pricing/default-rate-card';

export const PRICED_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;

/** Gives an account the default rate card the first time it is needed, inside the caller's write transaction. */
export function* ensureRateCard(t: SqlTx, accountId: string): Step<void> {
  if (yield* t.one('SELECT 1 AS "x" FROM "RateCardEntry" WHERE "accountId" = ? LIMIT 1', accountId)) return;
  const now = sqlDate(new Date());
  for (const r of DEFAULT_RATE_CARD) {
    yield* t.run(
      'INSERT INTO "RateCardEntry" ("id", "accountId", "category", "callingCode", "fromVolume", "priceMicros", "currency", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, \'USD\', ?)',
      newId(),
      accountId,
      r.category,
      r.callingCode,
      r.fromVolume,
      Math.round(r.price * 1_000_000),
      now,
    );
  }
}

/** ensureRateCard in a transaction of its own: call it before a Prisma transaction that edits the card. */
export async function ensureRateCardFor(db: Db, accountId: string): Promise<void> {
  await write(db, (t) => ensureRateCard(t, accountId));
}

export type RateRow = { id: string; category: string; callingCode: string; fromVolume: number; price: number; currency: string };

export async function listRateCard(db: Db, accountId: string): Promise<RateRow[]> {
  await ensureRateCardFor(db, accountId);
  const rows = await db.rateCardEntry.findMany({ where: { accountId }, orderBy: [{ category: 'asc' }, { callingCode: 'asc' }, { fromVolume: 'asc' }] });
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    callingCode: r.callingCode,
    fromVolume: r.fromVolume,
    price: r.priceMicros / 1_000_000,
    currency: r.currency,
  }));
}

export const rateInput = z.object({
  category: z.enum(PRICED_CATEGORIES, { error: 'Choose marketing, utility or authentication' }),
  callingCode: z
    .string()
    .trim()
    .regex(/^(\*|[1-9]\d{0,3})$/, 'A calling code like 1, 44 or 91, or * for every other country'),
  fromVolume: z.coerce.number().int('Whole messages only').min(0, 'Must be 0 or more'),
  price: z.coerce.number().min(0, 'A price cannot be negative').max(10, 'That is more than 10 per message; check the decimal point'),
});

/** Creates or replaces one rate (category × calling code × volume tier); ensureRateCardFor first. saveRate audits it. */
export async function upsertRate(tx: Tx, accountId: string, input: z.infer<typeof rateInput>) {
  const priceMicros = Math.round(input.price * 1_000_000);
  return tx.rateCardEntry.upsert({
    where: { accountId_category_callingCode_fromVolume: { accountId, category: input.category, callingCode: input.callingCode, fromVolume: input.fromVolume } },
    create: { accountId, category: input.category, callingCode: input.callingCode, fromVolume: input.fromVolume, priceMicros },
    update: { priceMicros },
  });
}
