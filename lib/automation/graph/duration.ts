// Durations as the reference writes them: "d.HH:mm:ss", "HH:mm:ss", or a bare number of days ("5").

export type DurationParts = { days: number; hours: number; minutes: number; seconds: number };

const FULL = /^(?:(\d+)\.)?(\d{1,2}):(\d{1,2}):(\d{1,2})$/;

export function parseDuration(text: string): DurationParts | null {
  const s = String(text ?? '').trim();
  if (/^\d+$/.test(s)) return { days: Number(s), hours: 0, minutes: 0, seconds: 0 };
  const m = FULL.exec(s);
  if (!m) return null;
  const parts = { days: Number(m[1] ?? 0), hours: Number(m[2]), minutes: Number(m[3]), seconds: Number(m[4]) };
  if (parts.hours > 23 || parts.minutes > 59 || parts.seconds > 59) return null;
  return parts;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDuration(p: DurationParts): string {
  const time = `${pad(p.hours)}:${pad(p.minutes)}:${pad(p.seconds)}`;
  return p.days > 0 ? `${p.days}.${time}` : time;
}

/** "5 min", "1 d 6 h", for node summaries. */
export function describeDuration(text: string | undefined): string {
  if (text == null || text === '') return 'no duration';
  const p = parseDuration(text);
  if (!p) return String(text);
  const out: string[] = [];
  if (p.days) out.push(`${p.days} d`);
  if (p.hours) out.push(`${p.hours} h`);
  if (p.minutes) out.push(`${p.minutes} min`);
  if (p.seconds) out.push(`${p.seconds} s`);
  return out.length ? out.join(' ') : '0 s';
}
