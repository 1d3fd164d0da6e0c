import { env } from '@/lib/env';
import { evaluateConditionNow, evaluateValueNow, ScriptEvaluationError, type ScriptScope } from './evaluate-now';
import { loadSandbox, sandboxReady, ScriptInterrupted } from './sandbox';
import { runInPool, type PoolJob } from './script-pool';

export { loadSandbox, ScriptEvaluationError, type ScriptScope };

// Where a step's scripts run. Nearly all take microseconds, and a round trip to a worker thread would
// cost more than the script, so they run here, on the event loop, but only for a slice of INLINE_MS:
// a script still running then is stopped (it has no effects, so running it again is safe) and the
// whole job goes to the worker pool (script-pool.ts) with the full SCRIPT_TIMEOUT_MS. The account is
// then remembered as slow for SLOW_FOR_MS, and its scripts go straight to the pool meanwhile, so a
// tenant looping over 500 ms scripts costs the event loop one slice, not one per script.
const INLINE_MS = 10;
const SLOW_FOR_MS = 30_000;
// Wall time also counts the moments the OS gave the thread to someone else, so on a busy machine a quick
// script now and then looks slow: an account whose scripts come back quick this many times in a row
// runs on the event loop again before SLOW_FOR_MS is up (a truly slow one then costs one slice again).
const QUICK_TO_CLEAR = 20;
const slowUntil = new Map<string, number>();
const quickInARow = new Map<string, number>();

function markSlow(account: string) {
  slowUntil.set(account, Date.now() + SLOW_FOR_MS);
  quickInARow.delete(account);
}

function clearSlow(account: string) {
  slowUntil.delete(account);
  quickInARow.delete(account);
}

let poolJobs = 0;
/** How many jobs went to the worker pool in this thread (the benches print it). */
export function scriptPoolJobs(): number {
  return poolJobs;
}

/** Whose scripts these are: accounts take turns in the worker pool. */
export type ScriptOptions = { account?: string };

function isSlow(account: string): boolean {
  const until = slowUntil.get(account);
  if (until === undefined) return false;
  if (until > Date.now()) return true;
  clearSlow(account);
  return false;
}

function hasScript(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (value && typeof value === 'object') return Object.values(value).some(hasScript);
  return false;
}

function runNow(job: PoolJob, sliceMs: number | undefined): unknown {
  return job.kind === 'condition' ? evaluateConditionNow(job.value as string, job.scope, sliceMs) : evaluateValueNow(job.value, job.scope, sliceMs);
}

async function evaluate(job: PoolJob, { account = '' }: ScriptOptions): Promise<unknown> {
  let sliced = false;
  if (!isSlow(account)) {
    // Loaded and run in one synchronous turn: nothing else can drop the engine in between.
    if (!sandboxReady()) await loadSandbox();
    // With a deadline shorter than the slice there is nothing to gain from a second attempt.
    const slice = env.SCRIPT_TIMEOUT_MS > INLINE_MS ? INLINE_MS : undefined;
    try {
      return runNow(job, slice);
    } catch (err) {
      if (!(err instanceof ScriptInterrupted)) throw err;
    }
    sliced = true;
    markSlow(account);
  }
  // A slow account's steps without scripts (the value itself, or a plain-text condition) need no worker.
  if (!hasScript(job.value)) return runNow(job, undefined);
  const reply = await runInPool(account, job);
  if (reply.ms > INLINE_MS) markSlow(account);
  // The slice ran out but the script is quick: the thread was only held up (a busy machine, a GC).
  else if (sliced) clearSlow(account);
  else {
    const quick = (quickInARow.get(account) ?? 0) + 1;
    if (quick >= QUICK_TO_CLEAR) clearSlow(account);
    else quickInARow.set(account, quick);
  }
  poolJobs++;
  if (reply.ok) return reply.value;
  if ('script' in reply) throw new ScriptEvaluationError(reply.script, reply.detail);
  throw new Error(reply.error);
}

/** One string: exactly one `{{...}}` yields the typed value, otherwise templates are replaced as text. */
export function evaluateString(text: string, scope: ScriptScope, opts: ScriptOptions = {}): Promise<unknown> {
  return evaluateValue(text, scope, opts);
}

/** Every string inside a JSON value evaluated (inputs, bodies, outputs), as one job. */
export function evaluateValue(value: unknown, scope: ScriptScope, opts: ScriptOptions = {}): Promise<unknown> {
  return evaluate({ kind: 'value', value, scope }, opts);
}

/** A condition: a script's truthiness (JS rules); a plain string is true unless empty/"false". */
export async function evaluateCondition(text: string | null | undefined, scope: ScriptScope, opts: ScriptOptions = {}): Promise<boolean> {
  if (text === null || text === undefined) return false;
  return (await evaluate({ kind: 'condition', value: text, scope }, opts)) as boolean;
}
