// Durations as the editor writes and describes them.
import { parseDurationParts, type DurationParts } from '@/lib/automation/definition/duration';

// One parser for durations (lib/automation/definition/duration.ts): what the editor shows is exactly
// what the runner waits.
export { parseDurationParts, type DurationParts } from '@/lib/automation/definition/duration';

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDuration(p: DurationParts): string {
  const time = `${pad(p.hours)}:${pad(p.minutes)}:${pad(p.seconds)}${p.milliseconds ? `.${String(p.milliseconds).padStart(3, '0')}` : ''}`;
  return p.days > 0 ? `${p.days}.${time}` : time;
}

/** "5 min", "1 d 6 h", for node summaries. */
export function describeDuration(text: string | undefined): string {
  if (text == null || text === '') return 'no duration';
  const p = parseDurationParts(text);
  if (!p) return String(text);
  const out: string[] = [];
  if (p.days) out.push(`${p.days} d`);
  if (p.hours) out.push(`${p.hours} h`);
  if (p.minutes) out.push(`${p.minutes} min`);
  if (p.seconds || p.milliseconds) out.push(`${p.seconds + p.milliseconds / 1000} s`);
  return out.length ? out.join(' ') : '0 s';
}
