import { DAY_MS, parseDuration } from '@/lib/automation/definition/duration';
import { defineExecutor } from './define-executor';
import { digits } from './lenient-inputs';
import { waitForDtmfDefinition } from './wait-for-dtmf-definition';

export function dtmfAddress(subAccountId: string, destination: unknown): string {
  return `${subAccountId}|voice|${digits(destination)}`;
}

/**
 * WaitForDTMF: waits for the callee's key press, correlated by dtmfRequestId (the call's clientRequestId),
 * or else by the number this instance last called. step.dtmfData = { actionDetails: { dtmf }, ... } or null.
 */
export const waitForDtmfStep = defineExecutor(waitForDtmfDefinition, {
  async run(ctx, inputs) {
    const timeout = inputs.timeout === undefined || inputs.timeout === null || inputs.timeout === '' ? DAY_MS : parseDuration(inputs.timeout);
    if (timeout === null) return { kind: 'fail', error: `Invalid timeout '${String(inputs.timeout)}': use d.HH:mm:ss, HH:mm:ss or a number of days` };
    const key = inputs.dtmfRequestId ?? null;
    const address = ctx.lastCall ? dtmfAddress(ctx.lastCall.subAccountId, ctx.lastCall.destination) : null;
    if (!key && !address) return { kind: 'fail', error: 'WaitForDTMF needs dtmfRequestId (or a VoiceMessage step before it)' };
    return { kind: 'wait', wait: { kind: 'dtmf', key, address, until: new Date(Date.now() + timeout) } };
  },
  resume(_ctx, value) {
    return { kind: 'done', results: { dtmfData: value.kind === 'dtmf' ? value.dtmf : null } };
  },
});
