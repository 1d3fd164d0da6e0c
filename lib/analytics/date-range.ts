import { nextDay, shiftDay, startOfLocalDay } from '@/lib/time/zoned-time';

// The Dashboard's and Reports' date ranges: whole local days in the account's zone, chosen by a preset
// or given, and the instants they span (what the Logs filter takes, so a count links to its messages).

export const RANGE_PRESETS = ['today', '7d', '30d', 'month', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_LABELS: Record<RangePreset, string> = {
  today: 'Today',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  month: 'This month',
  custom: 'Custom',
};

export function isRangePreset(v: unknown): v is RangePreset {
  return typeof v === 'string' && (RANGE_PRESETS as readonly string[]).includes(v);
}

/** "2026-12-03" for ("2026-12-05", -2). */
/** The local days of a preset ending `today` (inclusive); custom keeps the days given, today by default. */
export function presetDays(preset: RangePreset, today: string, custom: { from?: string; to?: string } = {}): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case '7d':
      return { from: shiftDay(today, -6), to: today };
    case '30d':
      return { from: shiftDay(today, -29), to: today };
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'custom': {
      const to = custom.to ?? custom.from ?? today;
      return { from: custom.from ?? to, to };
    }
  }
}

/** The first and the last instant of local days `from`..`to` in the zone, as ISO text (the Logs' from and to, both inclusive). */
export function localRangeInstants(from: string, to: string, timeZone: string): { from: string; to: string } {
  return {
    from: startOfLocalDay(from, timeZone).toISOString(),
    to: new Date(startOfLocalDay(nextDay(to), timeZone).getTime() - 1).toISOString(),
  };
}

/** Every local day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) out.push(d);
  return out;
}

/** The periods a report over `from`..`to` has: every local day, or every month ("2026-12"). */
export function periodsBetween(from: string, to: string, interval: 'day' | 'month'): string[] {
  if (interval === 'day') return daysBetween(from, to);
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
    out.push(m);
    const [y, mo] = m.split('-').map(Number) as [number, number];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return out;
}
