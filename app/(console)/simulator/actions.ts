'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { accountAction } from '@/app/_lib/action';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { listConversation } from '@/lib/messaging/logs/list-conversation';
import { receiveDtmf, receiveInbound } from '@/lib/messaging/receive-inbound';
import { addSimulatorPhone } from '@/lib/simulator/add-simulator-phone';
import { removeSimulatorPhone } from '@/lib/simulator/remove-simulator-phone';

const customer = z.object({ subAccountId: z.string().min(1), msisdn: z.string().min(1, 'Enter the customer number') });

export const loadConversationAction = accountAction('simulator.use', customer, async (input, ctx) => {
  const sub = await findSubAccount(db, ctx.accountId, input.subAccountId);
  return listConversation(db, sub.id, parseMsisdn(input.msisdn, 'msisdn').e164);
});

/** The simulated customer types a reply, taps a quick reply or picks a list row: it arrives as an inbound message. */
export const customerReplyAction = accountAction(
  'simulator.use',
  customer.extend({
    channel: z.enum(['whatsapp', 'sms']),
    text: z.string().trim().min(1, 'Type a message').max(4096, 'At most 4096 characters'),
    reply: z.object({ id: z.string().max(256), title: z.string().max(72) }).optional(),
    referral: z.enum(['ad', 'page_cta']).optional(),
  }),
  async (input, ctx) => {
    const { umid } = await receiveInbound(db, {
      accountId: ctx.accountId,
      subAccountId: input.subAccountId,
      channel: input.channel,
      msisdn: input.msisdn,
      type: 'text',
      content: { text: input.text, ...(input.reply ? { reply: input.reply } : {}) },
      referral: input.referral ? { sourceType: input.referral } : null,
    });
    return { umid };
  },
);

/** The callee presses a key on a sandbox voice call (the same path as POST /sandbox/dtmf). */
export const pressKeyAction = accountAction(
  'simulator.use',
  customer.extend({ dtmf: z.string().regex(/^[0-9*#]{1,32}$/, 'Keys 0-9, * and #'), clientRequestId: z.string().max(200).optional() }),
  async (input, ctx) =>
    receiveDtmf(db, {
      accountId: ctx.accountId,
      subAccountId: input.subAccountId,
      destination: input.msisdn,
      dtmf: input.dtmf,
      clientRequestId: input.clientRequestId,
    }),
);

/** Puts a customer phone on the user's Simulator, kept on the server for every browser they use. */
export const addSimulatorPhoneAction = accountAction(
  'simulator.use',
  z.object({ msisdn: z.string().trim().min(1, 'Enter the customer number') }),
  async (input, ctx) => addSimulatorPhone(db, { userId: ctx.principal.userId, accountId: ctx.accountId }, input.msisdn),
);

export const removeSimulatorPhoneAction = accountAction('simulator.use', z.object({ msisdn: z.string().min(1) }), async (input, ctx) =>
  removeSimulatorPhone(db, { userId: ctx.principal.userId, accountId: ctx.accountId }, input.msisdn),
);
