import { describe, expect, it } from 'vitest';
import { evaluateString, ScriptEvaluationError } from './evaluate';
import { runScript, loadSandbox } from './sandbox';

const scope = { data: { n: 2 }, step: null };
const overflow = '{{((f) => f(f))((f) => f(f))}}';
// A busy wait without declarations or assignments (which checkScript refuses).
const busy = (ms: number) => `{{((t) => { while (Date.now() - t < ${ms}) {} return 'slow' })(Date.now())}}`;

describe('one script cannot break or stall the others', () => {
  it('a stack overflow fails only its own evaluation; the engine keeps working without reloading', async () => {
    await loadSandbox();
    // Straight on the engine: no loadSandbox() between the overflow and the next script.
    expect(() => runScript('((f) => f(f))((f) => f(f))', scope.data, null)).toThrow(/overflowed the stack/);
    expect(runScript('data.n + 1', scope.data, null)).toBe(3);
  });

  it('scripts started beside and after a stack overflow succeed', async () => {
    const beside = Array.from({ length: 20 }, (_, i) =>
      i === 5
        ? evaluateString(overflow, scope, { account: 'a' })
        : evaluateString('{{data.n * 10}}', { data: { n: i }, step: null }, { account: i % 2 ? 'a' : 'b' }),
    );
    const settled = await Promise.allSettled(beside);
    settled.forEach((r, i) => {
      if (i === 5) expect(r.status === 'rejected' && r.reason).toBeInstanceOf(ScriptEvaluationError);
      else expect(r).toEqual({ status: 'fulfilled', value: i * 10 });
    });
    expect((settled[5] as PromiseRejectedResult).reason.message).toMatch(/overflowed the stack/);
    for (let i = 0; i < 5; i++) expect(await evaluateString('{{data.n}}', scope, { account: 'b' })).toBe(2);
  });

  it("a slow script runs off the event loop: another account's scripts finish while it runs", async () => {
    const order: string[] = [];
    const slow = evaluateString(busy(300), scope, { account: 'slow_tenant' }).then((v) => order.push(`slow:${v}`));
    for (let i = 0; i < 3; i++) order.push(`quick:${await evaluateString('{{data.n}}', scope, { account: 'quick_tenant' })}`);
    await slow;
    expect(order).toEqual(['quick:2', 'quick:2', 'quick:2', 'slow:slow']);
    // The slow account's next scripts go to the workers straight away, and still give their values.
    expect(await evaluateString('{{data.n + 40}}', scope, { account: 'slow_tenant' })).toBe(42);
  });

  it('a slow script still fails at SCRIPT_TIMEOUT_MS, in the worker', async () => {
    await expect(evaluateString(busy(5_000), scope, { account: 'slow_tenant' })).rejects.toThrow(/took longer than 500 ms/);
    await expect(evaluateString(overflow, scope, { account: 'slow_tenant' })).rejects.toThrow(/overflowed the stack/);
    expect(await evaluateString('{{data.n}}', scope, { account: 'slow_tenant' })).toBe(2);
  });
});
