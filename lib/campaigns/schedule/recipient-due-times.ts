import { getCountry } from 'countries-and-timezones';
import { zonedTimeToInstant } from '@/lib/time/zoned-time';

/**
 * When a wall-clock time (as parseLocalDateTime reads it) comes in a country. Where the country spans
 * several zones it is the earliest of them, the zone where that time comes first (API.md: "the earliest
 * zone where a country has several"), so nobody there gets it before that local time. A country
 * unknown or without zones takes `fallbackZone` (the schedule's own time zone).
 */
export function countryDueTime(wallMs: number, country: string | null, fallbackZone: string): Date {
  const zones = (country ? getCountry(country.toUpperCase())?.timezones : undefined)?.filter(isSupported) ?? [];
  if (!zones.length) return zonedTimeToInstant(wallMs, fallbackZone);
  let earliest: Date | null = null;
  for (const zone of zones) {
    const t = zonedTimeToInstant(wallMs, zone);
    if (!earliest || t.getTime() < earliest.getTime()) earliest = t;
  }
  return earliest!;
}

const supported = new Map<string, boolean>();

function isSupported(zone: string): boolean {
  let ok = supported.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    supported.set(zone, ok);
  }
  return ok;
}
