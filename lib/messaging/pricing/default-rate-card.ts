// Plausible per-message rates in USD (modelled on Meta's 2025 PMP card), by category and recipient
// calling code; "*" is every other country. Utility and authentication have volume tiers: fromVolume is
// the monthly count of delivered messages of that category from which the lower rate applies.
export type RateSeed = { category: 'marketing' | 'utility' | 'authentication'; callingCode: string; fromVolume: number; price: number };

const base: Array<[string, number, number, number]> = [
  // callingCode, marketing, utility, authentication
  ['1', 0.025, 0.004, 0.0135],
  ['44', 0.0529, 0.022, 0.0358],
  ['49', 0.1365, 0.0456, 0.0768],
  ['55', 0.0625, 0.0068, 0.0315],
  ['62', 0.0411, 0.02, 0.03],
  ['65', 0.0786, 0.0214, 0.0324],
  ['91', 0.0107, 0.0014, 0.0014],
  ['*', 0.0592, 0.0077, 0.0174],
];

const TIERS = [
  { fromVolume: 100_000, factor: 0.95 },
  { fromVolume: 500_000, factor: 0.9 },
  { fromVolume: 2_500_000, factor: 0.85 },
];

export const DEFAULT_RATE_CARD: RateSeed[] = base.flatMap(([callingCode, marketing, utility, authentication]) => [
  { category: 'marketing' as const, callingCode, fromVolume: 0, price: marketing },
  { category: 'utility' as const, callingCode, fromVolume: 0, price: utility },
  { category: 'authentication' as const, callingCode, fromVolume: 0, price: authentication },
  ...TIERS.flatMap((t) => [
    { category: 'utility' as const, callingCode, fromVolume: t.fromVolume, price: Number((utility * t.factor).toFixed(6)) },
    { category: 'authentication' as const, callingCode, fromVolume: t.fromVolume, price: Number((authentication * t.factor).toFixed(6)) },
  ]),
]);
