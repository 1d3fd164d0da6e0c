import { afterAll, describe, expect, it, vi } from 'vitest';
import { runInPool } from './script-pool';

// A worker whose module cannot load (as inside Next's bundle, before the pool found its module from
// the app's root) must fail the jobs waiting for it, with a reason, instead of respawning in a tight
// loop while they wait for ever.
describe('script pool whose workers cannot start', () => {
  const cwd = vi.spyOn(process, 'cwd').mockReturnValue('/nonexistent-parley-root');
  afterAll(() => cwd.mockRestore());

  it('rejects the jobs instead of hanging, and does not respawn in a loop', async () => {
    const started = Date.now();
    const jobs = ['a', 'b', 'a'].map((account) =>
      runInPool(account, { kind: 'value', value: '{{1 + 1}}', scope: { data: {}, step: {} } }).then(
        () => 'ok',
        (err: Error) => err.message,
      ),
    );
    const outcomes = await Promise.all(jobs);
    expect(outcomes.every((o) => /the script worker stopped|the script workers could not start/.test(o))).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
