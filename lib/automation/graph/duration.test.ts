import { describe, expect, it } from 'vitest';
import { parseDuration } from '@/lib/automation/definition/duration';
import { describeDuration, formatDuration, parseDurationParts } from './duration';

// The editor's duration fields and node summaries read durations with the runner's own parser.
describe('durations in the editor', () => {
  it('splits what the runner waits into the fields, and writes the fields back to the same duration', () => {
    for (const text of ['0.00:01:00', '00:30:00', '5', '1.06:30:15', '00:00:01.5']) {
      const parts = parseDurationParts(text)!;
      expect(parseDuration(formatDuration(parts))).toBe(parseDuration(text));
    }
    expect(parseDurationParts('1.06:30:15')).toEqual({ days: 1, hours: 6, minutes: 30, seconds: 15, milliseconds: 0 });
  });

  it('refuses what the runner refuses and describes what it accepts', () => {
    for (const bad of ['00:61:00', 'soon', '']) expect(parseDurationParts(bad)).toBeNull();
    expect(describeDuration('1.06:00:00')).toBe('1 d 6 h');
    expect(describeDuration('00:00:01.5')).toBe('1.5 s');
    expect(describeDuration('later')).toBe('later');
  });
});
