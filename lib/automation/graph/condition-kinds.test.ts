import { describe, expect, it } from 'vitest';
import { buildCondition, parseCondition } from './condition-kinds';
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
});
