import { offsetMinutes } from '@/lib/time/zoned-time';

// The Logs filters keep exact instants in the URL (the Dashboard links with them) and show them as
// wall-clock times of the account's zone in datetime-local fields.

/** "2026-12-05T09:30" for the instant, in the zone. */
export function toZonedInput(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return new Date(at.getTime() + offsetMinutes(at, timeZone) * 60_000).toISOString().slice(0, 16);
}

/** The instant a wall-clock "2026-12-05T09:30" of the zone is, as ISO text; null when it is not one. */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const wall = Date.parse(`${value}:00Z`);
  if (Number.isNaN(wall)) return null;
  // Two rounds find the offset in force at that wall-clock time, across a daylight saving change too.
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess).toISOString();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "5 Dec, 18:04:31" in the zone: the Logs' time column and the drawer's timeline. */
export function formatInstant(iso: string, timeZone: string, withYear = false): string {
  const key = `${timeZone}|${withYear}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f.format(new Date(iso));
}
