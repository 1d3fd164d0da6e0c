// Numbers as the Insights pages show them: counts with separators, money in its currency, rates in percent.

export const formatCount = (n: number) => n.toLocaleString('en-US');

export function formatMoney(m: { amount: number; currency: string }, digits = 2): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: m.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: Math.max(digits, 4),
    }).format(m.amount);
  } catch {
    return `${m.amount.toFixed(digits)} ${m.currency}`;
  }
}

export const formatPercent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** "5 Dec" for "2026-12-05" (an axis tick), without the viewer's zone moving the day. */
export function shortDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
