import { describe, expect, it } from 'vitest';
import { NumberSet } from '@/lib/campaigns/audience/number-set';

describe('NumberSet', () => {
  it('answers as a Set does for E.164-sized numbers, through several growths', () => {
    const set = new NumberSet();
    const reference = new Set<number>();
    for (let i = 0; i < 300_000; i++) {
      // Clustered like a country's numbers, with repeats and the largest 15-digit ones.
      const n = i % 7 === 0 ? 999_999_999_999_999 - (i % 1000) : 6590000000 + Math.floor(Math.random() * 200_000);
      expect(set.has(n)).toBe(reference.has(n));
      expect(set.add(n)).toBe(!reference.has(n));
      reference.add(n);
    }
    expect(set.size).toBe(reference.size);
    for (const n of reference) expect(set.has(n)).toBe(true);
    expect(set.has(6589999999)).toBe(false);
  });
});
