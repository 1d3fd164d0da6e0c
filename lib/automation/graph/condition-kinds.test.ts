import { describe, expect, it } from 'vitest';
import { buildCondition, CONDITION_KINDS, defaultCondition, parseCondition } from './condition-kinds';
import { scriptProblem } from './script-problems';

describe('branch condition builder', () => {
  it.each([
    "{{stringContains(data.payload.content.text, 'Register')}}",
    "{{stringContains(data.payload.content.text, 'it\\'s', true)}}",
    "{{isCountryCode(data.payload.user.channelUserId, 'ID')}}",
    "{{!isTimeOfDayBetween(data.payload.timestamp, '09:00:00', '18:00:00', 'SE Asia Standard Time')}}",
    "{{isDayOfWeek(data.payload.timestamp, 'Tuesday')}}",
    "{{ data.reply1.payload.content.text == '1'}}".replace('{{ ', '{{'),
  ])('reads and writes back %s', (cond) => {
    expect(buildCondition(parseCondition(cond))).toBe(cond);
  });

  it('recognises the kinds', () => {
    expect(parseCondition("{{isCountryCode(data.x, 'PH')}}")).toEqual({ kind: 'country', value: 'data.x', country: 'PH', negate: false });
    expect(parseCondition('{{data.a == 1}}')).toEqual({ kind: 'custom', script: 'data.a == 1' });
  });

  it('reports script rule violations inline', () => {
    expect(scriptProblem('Hello {{data.name}}')).toBeNull();
    expect(scriptProblem('{{data.x = 1}}')).toMatch(/assignments are not allowed/);
    expect(scriptProblem('{{data.x')).toMatch(/Unbalanced/);
  });

  it('starts each kind from any other, for a new path ({{true}}) and an existing one', () => {
    const kinds = CONDITION_KINDS.map((k) => k.kind);
    for (const start of ['{{true}}', "{{stringContains(data.payload.content.text, 'yes', true)}}", "{{isDayOfWeek(data.payload.timestamp, 'Friday')}}"]) {
      for (const kind of kinds) {
        const next = defaultCondition(kind, parseCondition(start), 'inbound_chat_apps');
        expect(next.kind, `${start} → ${kind}`).toBe(kind);
        const script = buildCondition(next);
        // Every kind but custom reads back as itself; a custom condition made from a built-in one
        // reads as that one, which is why the builder keeps the kind that was chosen.
        if (kind !== 'custom') expect(parseCondition(script).kind, `${start} → ${kind}`).toBe(kind);
      }
    }
    expect(parseCondition(buildCondition(defaultCondition('custom', parseCondition("{{isCountryCode(data.x, 'SG')}}"), ''))).kind).toBe('country');
  });
});
