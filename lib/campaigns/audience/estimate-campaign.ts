import type { CampaignEstimate } from '@/lib/campaigns/campaign-view';
import type { Step, Tx } from '@/lib/db/tx';
import { tierLimit, usersInLast24h } from '@/lib/messaging/messaging-limit';
import { ensureRateCard } from '@/lib/messaging/pricing/rate-card';

// What a campaign will cost and what the messaging-limit tier allows, at import. Every message is
// assumed charged (a template outside the customer service window is; a reply window cannot be
// foreseen), at the account's rate card by recipient calling code and the template's category, with
// the volume tiers the month's count will reach along the way (price-message.ts charges the same way).

type Rate = { callingCode: string; fromVolume: number; priceMicros: number; currency: string };

/**
 * The estimate for `byCallingCode` recipients (valid ones, by calling code), inside the caller's write
 * transaction (the account gets its default rate card the first time one is needed).
 */
export function* estimateCampaign(
  t: Tx,
  args: { accountId: string; category: string; byCallingCode: Record<string, number>; now: Date },
): Step<CampaignEstimate & { byCallingCode: Record<string, number> }> {
  const category = args.category.toLowerCase();
  const messages = Object.values(args.byCallingCode).reduce((a, b) => a + b, 0);
  yield* ensureRateCard(t, args.accountId);
  const rates = yield* t.all<Rate>(
    'SELECT "callingCode", "fromVolume", "priceMicros", "currency" FROM "RateCardEntry" WHERE "accountId" = ? AND "category" = ? ORDER BY "fromVolume"',
    args.accountId,
    category,
  );
  const month = args.now.toISOString().slice(0, 7);
  const volume =
    (yield* t.one<{ count: number }>(
      'SELECT "count" FROM "MonthlyVolume" WHERE "accountId" = ? AND "month" = ? AND "category" = ?',
      args.accountId,
      month,
      category,
    ))?.count ?? 0;
  // The k-th message of the campaign is charged at the tier reached by volume + k; with the calling
  // codes spread evenly through the send, each code pays each tier's price for its share of that stretch.
  const thresholds = [...new Set(rates.map((r) => r.fromVolume))].filter((v) => v > volume && v < volume + messages).sort((a, b) => a - b);
  const bounds = [volume, ...thresholds, volume + messages];
  const byCode = new Map<string, Rate[]>();
  for (const r of rates) byCode.set(r.callingCode, [...(byCode.get(r.callingCode) ?? []), r]);
  const priceAt = (code: string, reached: number) => {
    for (const c of [code, '*']) {
      const tiers = byCode.get(c)?.filter((r) => r.fromVolume <= reached);
      if (tiers?.length) return tiers.at(-1)!;
    }
    return null;
  };
  let micros = 0;
  let currency: string | null = null;
  for (let s = 0; s + 1 < bounds.length; s++) {
    const share = (bounds[s + 1]! - bounds[s]!) / (messages || 1);
    for (const [code, n] of Object.entries(args.byCallingCode)) {
      const rate = priceAt(code, bounds[s]!);
      if (!rate) continue;
      micros += n * share * rate.priceMicros;
      currency ??= rate.currency;
    }
  }
  const account = yield* t.one<{ messagingTier: string }>('SELECT "messagingTier" FROM "Account" WHERE "id" = ?', args.accountId);
  const limit = tierLimit(account?.messagingTier ?? 'TIER_250');
  const tierRemaining24h = Number.isFinite(limit) ? Math.max(0, limit - (yield* usersInLast24h(t, args.accountId, args.now))) : null;
  return {
    messages,
    cost: { amount: Math.round(micros / 100) / 10_000, currency: currency ?? rates[0]?.currency ?? 'USD' },
    tierRemaining24h,
    byCallingCode: args.byCallingCode,
  };
}
