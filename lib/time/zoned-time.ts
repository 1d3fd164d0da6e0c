// Wall-clock times and calendar days in a time zone as instants: campaign schedules ("2026-12-24T09:00:00"
// in Asia/Singapore, or in each recipient's zone) and report periods (the instant a local day starts).
// Intl knows every zone's rules, DST included.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in milliseconds (Singapore: +8 h). */
export function zoneOffsetMs(zone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instantMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The wall-clock fields of "2026-12-24T09:00[:00]" read as if in UTC (ms), or null when it is not such a time. */
export function parseLocalDateTime(local: string): number | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over into March: refuse it instead.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

/**
 * The instant a wall-clock time happens in `zone`. In the hour skipped when clocks go forward the
 * time does not exist: it is read with the offset from before the change (02:30 becomes 03:30); in
 * the hour that repeats when they go back, the first of the two is taken.
 */
export function zonedTimeToInstant(wallMs: number, zone: string): Date {
  const before = zoneOffsetMs(zone, wallMs - 86_400_000 / 2);
  const after = zoneOffsetMs(zone, wallMs + 86_400_000 / 2);
  // The first candidate whose own offset agrees is the wall-clock time (the larger offset is the earlier instant).
  for (const offset of [Math.max(before, after), Math.min(before, after)]) {
    const t = wallMs - offset;
    if (zoneOffsetMs(zone, t) === offset) return new Date(t);
  }
  return new Date(wallMs - before);
}

/** Minutes the zone is ahead of UTC at the instant (+330 for Asia/Kolkata). */
export function offsetMinutes(at: Date, zone: string): number {
  return Math.round(zoneOffsetMs(zone, at.getTime()) / 60_000);
}

/** The instant local midnight starts the calendar day `day` ("2026-12-05") in the zone. */
export function startOfLocalDay(day: string, zone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedTimeToInstant(Date.UTC(y, m - 1, d), zone);
}

/** The calendar day `days` after (or before, when negative) `day`: "2026-12-06" for ("2026-12-05", 1). */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const nextDay = (day: string): string => shiftDay(day, 1);
export const previousDay = (day: string): string => shiftDay(day, -1);

/** Whether the zone's offset at the instant is whole quarter hours, so quarter-hour rollups line up with its days. */
export function isQuarterHourZone(zone: string, at: Date): boolean {
  return offsetMinutes(at, zone) % 15 === 0;
}
