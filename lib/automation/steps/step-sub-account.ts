import { findSubAccountCached } from '@/lib/messaging/cached-sub-account';
import { isBusy } from '@/lib/db/is-busy';
import { NotFoundError } from '@/lib/errors';
import { TransientError, type StepContext, type StepOutcome } from '@/lib/automation/runner/types';
import { str } from './lenient-inputs';

export type StepSubAccount = { ok: true; id: string } | { ok: false; outcome: StepOutcome };

/**
 * The subaccount a step acts on: the one its inputs name (literally or computed by a script), else the
 * workflow's own. It must belong to the workflow's account — checked here, at the point of use, because
 * a script can compute any id at run time: a step that waits on or takes over another tenant's
 * conversations would read that tenant's messages.
 */
export async function stepSubAccount(ctx: StepContext, ...named: unknown[]): Promise<StepSubAccount> {
  const id = named.map(str).find((v) => v !== undefined && v !== '') ?? ctx.instance.subAccountId;
  try {
    await findSubAccountCached(ctx.db, ctx.instance.accountId, id);
    return { ok: true, id };
  } catch (err) {
    if (isBusy(err)) throw new TransientError(String((err as Error).message));
    if (err instanceof NotFoundError) {
      return {
        ok: false,
        outcome: { kind: 'fail', error: `${ctx.step.stepType} step '${ctx.step.id}': subaccount '${id}' is not a subaccount of this workflow's account` },
      };
    }
    throw err;
  }
}
