import { getAllTimezones } from 'countries-and-timezones';
import { offsetMinutes } from '@/lib/time/zoned-time';

export type TimeZoneOption = { id: string; offsetMinutes: number; label: string };

// Region/City zones only: the bare legacy names (CET, EST5EDT, Singapore) would list each place twice.
const REGION = /^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//;

let zones: string[] | null = null;

/**
 * Every IANA zone a person may look for: the canonical ones and the links that still name a country's
 * city (Europe/Amsterdam is a link to Europe/Brussels since 2022, yet it is what the Dutch search for).
 */
export function timeZoneIds(): string[] {
  if (!zones) {
    zones = Object.values(getAllTimezones({ deprecated: true }))
      .filter((z) => REGION.test(z.name) && (!z.deprecated || z.countries.length > 0))
      .map((z) => z.name);
    zones.push('UTC');
  }
  return zones;
}

/** "UTC+05:30" */
export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '−' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The zones with their offset at `now` (daylight saving included), west to east, then by name. */
export function timeZoneOptions(now = new Date()): TimeZoneOption[] {
  return timeZoneIds()
    .map((id) => {
      const offset = offsetMinutes(now, id);
      return { id, offsetMinutes: offset, label: `(${formatOffset(offset)}) ${id.replaceAll('_', ' ')}` };
    })
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.id.localeCompare(b.id));
}

/** Whether the id is one of the listed zones. */
export function isTimeZoneId(id: string): boolean {
  return timeZoneIds().includes(id);
}
