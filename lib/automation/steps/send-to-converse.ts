import { newId, one, run, sqlDate, writeTransaction } from '@/lib/db/sql';
import { defineExecutor } from './define-executor';
import { digits, str } from './lenient-inputs';
import { sendToConverseDefinition } from './send-to-converse-definition';
import { stepSubAccount } from './step-sub-account';

/**
 * SendToConverse: hands the conversation to agents. Until it is released, its inbound messages start
 * no workflow (route-inbound.ts). The Converse inbox reads ConverseHandoff. An open handoff of the same
 * conversation is reused (looked up and created in one write transaction, so two never open at once),
 * and the workflow's progress up to this step is stored with it.
 */
export const sendToConverseStep = defineExecutor(sendToConverseDefinition, {
  async run(ctx, inputs) {
    const payload = (ctx.data.payload ?? {}) as { user?: { msisdn?: unknown }; recipient?: { channel?: unknown }; source?: unknown };
    const msisdn = digits(inputs.msisdn ?? payload.user?.msisdn ?? payload.source);
    if (!msisdn)
      return { kind: 'fail', error: 'SendToConverse needs a conversation: the workflow was not started by a customer message and inputs.msisdn is missing' };
    const channel = inputs.channel ?? str(payload.recipient?.channel) ?? (ctx.instance.trigger === 'inbound_sms' ? 'sms' : 'whatsapp');
    const sub = await stepSubAccount(ctx, inputs.subAccountId, inputs.subaccountId);
    if (!sub.ok) return sub.outcome;
    const subAccountId = sub.id;
    const handoffId = await writeTransaction(ctx.db, (conn) => {
      ctx.persistWith(conn);
      const open = one<{ id: string }>(
        conn,
        'SELECT "id" FROM "ConverseHandoff" WHERE "subAccountId" = ? AND "channel" = ? AND "msisdn" = ? AND "releasedAt" IS NULL LIMIT 1',
        subAccountId,
        channel,
        msisdn,
      );
      if (open) return open.id;
      const id = newId();
      run(
        conn,
        'INSERT INTO "ConverseHandoff" ("id", "accountId", "subAccountId", "channel", "msisdn", "instanceId", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
        id,
        ctx.instance.accountId,
        subAccountId,
        channel,
        msisdn,
        ctx.instance.id,
        sqlDate(new Date()),
      );
      return id;
    });
    return { kind: 'done', results: { handoffId, status: 'handed_over' } };
  },
});
