import { describe, expect, it } from 'vitest';
import { withoutNulls } from '@/lib/api/without-nulls';

describe('withoutNulls', () => {
  it('drops null-valued keys at any depth and keeps list elements where they are', () => {
    const input = { a: null, b: { c: null, d: 1, e: [null, { f: null, g: 'x' }] }, h: false, i: 0, j: '' };
    expect(withoutNulls(input)).toEqual({ b: { d: 1, e: [null, { g: 'x' }] }, h: false, i: 0, j: '' });
    expect(input.a).toBeNull();
  });

  it('keeps a "__proto__" key from JSON as data, never as the prototype', () => {
    const out = withoutNulls(JSON.parse('{"__proto__":{"polluted":true},"x":null}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(out)).toEqual(['__proto__']);
  });

  it('passes scalars through', () => {
    expect(withoutNulls(null)).toBeNull();
    expect(withoutNulls('s')).toBe('s');
  });
});
