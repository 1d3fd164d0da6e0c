import { DAY_MS, parseDuration } from '@/lib/automation/definition/duration';
import type { Executor } from '@/lib/automation/runner/types';
import { digits, str } from './send-support';

export function dtmfAddress(subAccountId: string, destination: unknown): string {
  return `${subAccountId}|voice|${digits(destination)}`;
}

/**
 * WaitForDTMF: waits for the callee's key press, correlated by dtmfRequestId (the call's clientRequestId),
 * or else by the number this instance last called. step.dtmfData = { actionDetails: { dtmf }, ... } or null.
 */
export const waitForDtmfStep: Executor = {
  async run(ctx) {
    const timeout = ctx.inputs.timeout === undefined || ctx.inputs.timeout === null || ctx.inputs.timeout === '' ? DAY_MS : parseDuration(ctx.inputs.timeout);
    if (timeout === null) return { kind: 'fail', error: `Invalid timeout '${String(ctx.inputs.timeout)}': use d.HH:mm:ss, HH:mm:ss or a number of days` };
    const key = str(ctx.inputs.dtmfRequestId) ?? null;
    const address = ctx.lastCall ? dtmfAddress(ctx.lastCall.subAccountId, ctx.lastCall.destination) : null;
    if (!key && !address) return { kind: 'fail', error: 'WaitForDTMF needs dtmfRequestId (or a VoiceMessage step before it)' };
    return { kind: 'wait', wait: { kind: 'dtmf', key, address, until: new Date(Date.now() + timeout) } };
  },
  resume(_ctx, value) {
    return { kind: 'done', results: { dtmfData: value.kind === 'dtmf' ? value.dtmf : null } };
  },
};
