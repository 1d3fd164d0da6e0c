// Durations as the reference docs write them: "d.HH:mm:ss", "HH:mm:ss", or a bare number of days ("5").
const TIMESPAN = /^(?:(\d+)\.)?(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?$/;
const DAYS = /^\d+$/;

export const DAY_MS = 86_400_000;

/** Milliseconds for a duration string, or null when it is not one. */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value * DAY_MS;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (DAYS.test(text)) return Number(text) * DAY_MS;
  const m = TIMESPAN.exec(text);
  if (!m) return null;
  const [days, h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3]), Number(m[4])];
  if (h > 23 || min > 59 || s > 59) return null;
  const fraction = m[5] ? Number(`0.${m[5]}`) * 1000 : 0;
  return ((days * 24 + h) * 60 + min) * 60_000 + s * 1000 + Math.round(fraction);
}

export type DurationParts = { days: number; hours: number; minutes: number; seconds: number; milliseconds: number };

/** The same duration in days, hours, minutes, seconds and milliseconds (the editor's fields), or null. */
export function parseDurationParts(value: unknown): DurationParts | null {
  const ms = parseDuration(value);
  if (ms === null) return null;
  const part = (size: number, of: number) => Math.floor(ms / size) % of;
  return { days: Math.floor(ms / DAY_MS), hours: part(3_600_000, 24), minutes: part(60_000, 60), seconds: part(1000, 60), milliseconds: ms % 1000 };
}

export const DURATION_HELP = 'Use d.HH:mm:ss, HH:mm:ss or a number of days (e.g. "0.00:01:00", "00:30:00", "5")';
