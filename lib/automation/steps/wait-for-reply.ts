import { DAY_MS, parseDuration } from '@/lib/automation/definition/duration';
import { defineExecutor } from './define-executor';
import { digits, str } from './lenient-inputs';
import { stepSubAccount } from './step-sub-account';
import { waitForReplyDefinition } from './wait-for-reply-definition';

/** The wait key of a conversation: an inbound message with the same key resumes the instance. */
export function replyKey(subAccountId: string, channel: string, from: unknown): string {
  return `${subAccountId}|${channel.toLowerCase()}|${digits(from)}`;
}

function triggerSender(data: Record<string, unknown>): unknown {
  const payload = (data.payload ?? {}) as { user?: { msisdn?: unknown; channelUserId?: unknown }; source?: unknown };
  return payload.user?.msisdn ?? payload.user?.channelUserId ?? payload.source;
}

/**
 * WaitForReply: pauses until the sender replies on the channel (step.reply = the inbound event) or the
 * timeout passes (step.reply = null); either way the workflow goes on.
 */
export const waitForReplyStep = defineExecutor(waitForReplyDefinition, {
  async run(ctx, inputs) {
    const timeout = inputs.timeout === undefined || inputs.timeout === null || inputs.timeout === '' ? DAY_MS : parseDuration(inputs.timeout);
    if (timeout === null) return { kind: 'fail', error: `Invalid timeout '${String(inputs.timeout)}': use d.HH:mm:ss, HH:mm:ss or a number of days` };
    const from = inputs.from ?? triggerSender(ctx.data);
    if (!digits(from)) return { kind: 'fail', error: `WaitForReply needs 'from': the sender to wait for (got '${str(from) ?? ''}')` };
    const channel = inputs.channel ?? (ctx.instance.trigger === 'inbound_sms' ? 'sms' : 'whatsapp');
    const sub = await stepSubAccount(ctx, inputs.subAccountId, inputs.subaccountId);
    if (!sub.ok) return sub.outcome;
    return { kind: 'wait', wait: { kind: 'reply', key: replyKey(sub.id, channel, from), until: new Date(Date.now() + timeout) } };
  },
  resume(_ctx, value) {
    return { kind: 'done', results: { reply: value.kind === 'reply' ? value.event : null } };
  },
});
