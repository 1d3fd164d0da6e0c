// A worker thread of script-pool.ts: evaluates one job at a time in its own QuickJS sandbox, so a
// slow script runs here instead of stopping the event loop every other account's work shares.
import { parentPort } from 'node:worker_threads';
import { evaluateConditionNow, evaluateValueNow, ScriptEvaluationError } from './evaluate-now';
import { loadSandbox, sandboxReady } from './sandbox';
import type { PoolJob, PoolReply } from './script-pool';

parentPort!.on('message', async (job: PoolJob) => {
  if (!sandboxReady()) await loadSandbox();
  const started = performance.now();
  let reply: PoolReply;
  try {
    const value = job.kind === 'condition' ? evaluateConditionNow(job.value as string, job.scope) : evaluateValueNow(job.value, job.scope);
    reply = { ok: true, value, ms: performance.now() - started };
  } catch (err) {
    const ms = performance.now() - started;
    reply =
      err instanceof ScriptEvaluationError
        ? { ok: false, script: err.script, detail: err.detail, ms }
        : { ok: false, error: String((err as Error)?.message ?? err), ms };
  }
  parentPort!.postMessage(reply);
});
