import { AppError } from '@/lib/errors';
import { isBusy } from '@/lib/db/is-busy';
import type { StepContext, StepOutcome } from '@/lib/automation/runner/types';
import { LostLease, TransientError } from '@/lib/automation/runner/types';

/** The idempotency key of a send: the same instance, step and visit always yield the same key. */
export function sendKey(ctx: StepContext): string {
  return `wf:${ctx.instance.id}:${ctx.step.id}:${ctx.seq}`;
}

/**
 * A send that the pipeline refused fails the step with the 8x8 wording ("Failed to send chat apps
 * message because Invalid 'msisdn'"); a busy database is retried by the runner instead.
 */
export function sendFailed(what: string, err: unknown): StepOutcome {
  if (err instanceof LostLease) throw err;
  if (isBusy(err)) throw new TransientError(String((err as Error).message));
  const message = err instanceof AppError ? err.message : ((err as Error)?.message ?? String(err));
  return {
    kind: 'fail',
    error: `Failed to send ${what} because ${message}`,
    results: { status: 'failed', description: message },
  };
}
