import { describe, expect, it } from 'vitest';
import { FairQueue } from './fair-queue';

/** Takes everything takeable now, as a pool with free slots would. */
function takeAll<T>(q: FairQueue<T>): string[] {
  const out: string[] = [];
  for (let next = q.take(); next; next = q.take()) out.push(`${next.account}:${next.item}`);
  return out;
}

describe('FairQueue', () => {
  it('hands out round-robin between accounts, whatever order the work was queued in', () => {
    const q = new FairQueue<number>(10);
    for (let i = 1; i <= 4; i++) q.push('a', i);
    q.push('b', 1);
    q.push('c', 1);
    q.push('b', 2);
    expect(takeAll(q)).toEqual(['a:1', 'b:1', 'c:1', 'a:2', 'b:2', 'a:3', 'a:4']);
    expect(q.size).toBe(0);
  });

  it('never lets one account run more than its share, so a later account goes first', () => {
    const q = new FairQueue<number>(1);
    for (let i = 1; i <= 100; i++) q.push('noisy', i);
    expect(takeAll(q)).toEqual(['noisy:1']);
    // Another account arrives while the noisy one holds its one slot: it is next, ahead of 99 items.
    q.push('quiet', 1);
    expect(takeAll(q)).toEqual(['quiet:1']);
    expect(q.runningFor('noisy')).toBe(1);
    q.release('quiet');
    q.push('quiet', 2);
    expect(takeAll(q)).toEqual(['quiet:2']);
    q.release('noisy');
    q.release('quiet');
    expect(takeAll(q)).toEqual(['noisy:2']);
    expect(q.size).toBe(98);
  });

  it('keeps the turn order while accounts wait at their limit', () => {
    const q = new FairQueue<number>(2);
    q.push('a', 1);
    q.push('a', 2);
    q.push('a', 3);
    q.push('b', 1);
    q.push('b', 2);
    q.push('b', 3);
    expect(takeAll(q)).toEqual(['a:1', 'b:1', 'a:2', 'b:2']);
    q.release('b');
    q.release('a');
    expect(takeAll(q)).toEqual(['a:3', 'b:3']);
  });
});
