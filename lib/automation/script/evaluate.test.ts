import { beforeEach, describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateString, evaluateValue, loadSandbox, ScriptEvaluationError } from './evaluate';
import { isCountryCode, isDayOfWeek, isTimeOfDayBetween, stringContains } from './helpers';
import { listTimeZones } from './time-zones';

const scope = { data: { umid: 'u1', n: 2, payload: { user: { msisdn: '+6512345678' }, status: { errors: ['first error'] } } }, step: { responseCode: 200 } };

beforeEach(async () => {
  await loadSandbox();
});

describe('script evaluation', () => {
  it('keeps the type of a whole-string script and interpolates text otherwise', async () => {
    expect(await evaluateString('{{data.n == 2}}', scope)).toBe(true);
    expect(await evaluateString('{{data.n + 1}}', scope)).toBe(3);
    expect(await evaluateString('{{data.payload.status}}', scope)).toEqual({ errors: ['first error'] });
    expect(await evaluateString('{{data.missing}}', scope)).toBeNull();
    expect(await evaluateString("{{'umid: ' + data.umid}}", scope)).toBe('umid: u1');
    expect(await evaluateString('umid: {{data.umid}} ({{step.responseCode}})', scope)).toBe('umid: u1 (200)');
    expect(await evaluateString('no script', scope)).toBe('no script');
    expect(await evaluateValue({ a: ['{{data.payload.status.errors[0]}}', 1], b: { c: "{{data['umid']}}" } }, scope)).toEqual({
      a: ['first error', 1],
      b: { c: 'u1' },
    });
    expect(await evaluateCondition(null, scope)).toBe(false);
    expect(await evaluateCondition("{{step.responseCode == '200'}}", scope)).toBe(true);
  });

  it('always sees the data and step it is given, however a script reaches them', async () => {
    expect(await evaluateString('{{data.n}}', { data: { n: 1 }, step: null })).toBe(1);
    // Not named in the script: fetched when read, never the previous call's value.
    expect(await evaluateString("{{globalThis['da' + 'ta'].n}}", { data: { n: 2 }, step: null })).toBe(2);
    expect(await evaluateString("{{this['st' + 'ep'].x + step.x}}", { data: { n: 2 }, step: { x: 5 } })).toBe(10);
    const same = { data: { n: 3 }, step: { x: 6 } };
    expect(await evaluateString('{{data.n + step.x}}', same)).toBe(9);
    await expect(evaluateString('{{data.missing.deeper}}', { data: { n: 4 }, step: null })).rejects.toThrow(ScriptEvaluationError);
    expect(await evaluateString("{{globalThis['da' + 'ta'].n}}", { data: { n: 5 }, step: null })).toBe(5);
    expect(await evaluateString('{{data.n + step.x}}', same)).toBe(9);
  });

  it('offers the reference helpers', async () => {
    expect(await evaluateString("{{isCountryCode('+6512345678', 'SG')}}", scope)).toBe(true);
    expect(await evaluateString("{{stringContains('hello, world', 'WOR', true)}}", scope)).toBe(true);
    expect(await evaluateString("{{isTimeOfDayBetween('2020-10-15T14:40:15+07:00', '09:00:00', '18:00:00', 'Singapore Standard Time')}}", scope)).toBe(true);
    expect(await evaluateString("{{isDayOfWeek('2021-05-25', 'tuesday')}}", scope)).toBe(true);
    expect(await evaluateString('{{uuid()}}', scope)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ["{{this.constructor.constructor('return process')().exit()}}", /process/],
    ['{{globalThis.process.mainModule}}', /TypeError/],
    ["{{require('fs')}}", /require/],
    ["{{import('fs')}}", /import\(\) is not allowed/],
    ['{{Function("return this")().process.env}}', /TypeError/],
    ['{{(() => { while (true) {} })()}}', /took longer than 500 ms/],
    ["{{'x'.repeat(2 ** 28)}}", /memory|RangeError|InternalError/],
    ['{{Array.from({ length: 1e8 }, () => ({}))}}', /memory|took longer/],
    ['{{((f) => f(f))((f) => f(f))}}', /stack|RangeError/],
    ["{{Object.defineProperty(Array.prototype, 'x', { value: 1 })}}", /not extensible/],
    ['{{data.x = 1}}', /assignments are not allowed/],
  ])('fails %s within the deadline and keeps working', async (script, why) => {
    const started = Date.now();
    let error: unknown = null;
    try {
      await evaluateString(script, scope);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScriptEvaluationError);
    expect((error as Error).message).toMatch(/^Failed to evaluate the expression\. Error: /);
    expect((error as Error).message).toMatch(why);
    expect(Date.now() - started).toBeLessThan(2 * 1500);
    expect(await evaluateString('{{[].x === undefined && data.n}}', { ...scope })).toBe(2);
  });
});

describe('helpers', () => {
  it('work on their own', () => {
    expect(isCountryCode('6281234567890', 'ID')).toBe(true);
    expect(isCountryCode('+639171234567', 'PH')).toBe(true);
    expect(isCountryCode('+639171234567', 'id')).toBe(false);
    expect(stringContains('Register now', 'Register')).toBe(true);
    expect(stringContains('register now', 'Register')).toBe(false);
    expect(stringContains(null, 'x')).toBe(false);
    expect(isTimeOfDayBetween('2020-10-15T20:00:00Z', '22:00:00', '06:00:00', 'UTC')).toBe(false);
    expect(isTimeOfDayBetween('2020-10-15T23:00:00Z', '22:00:00', '06:00:00', 'UTC')).toBe(true);
    expect(() => isTimeOfDayBetween('2020-10-15T23:00:00Z', '22:00:00', '06:00:00', 'Mars Time')).toThrow(/Unknown time zone/);
    expect(isDayOfWeek('2021-05-25T23:30:00+07:00', 'Tuesday')).toBe(true);
    expect(listTimeZones('europe').map((z) => z.id)).toEqual(
      expect.arrayContaining(['W. Europe Standard Time', 'Central Europe Standard Time', 'E. Europe Standard Time']),
    );
  });
});
