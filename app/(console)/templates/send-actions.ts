'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { accountAction } from '@/app/_lib/action';
import { sendMessage } from '@/lib/messaging/send-message';
import { getTemplateById } from '@/lib/templates/get-template';
import { templateSendPayload } from '@/lib/templates/build-send-payload';

/**
 * The template page's Send: the template's approved content filled with the typed values, sent through
 * the one send pipeline exactly as POST /subaccounts/{id}/messages sends it (the subaccount must be
 * this account's and hold the template approved; 1002/3038/3040/3041 come back as form errors).
 */
export const sendTemplateAction = accountAction(
  'messages.send',
  z.object({
    id: z.string().min(1),
    subAccountId: z.string().min(1, 'Choose the subaccount to send from'),
    msisdn: z.string().trim().min(1, 'Enter the customer’s number'),
    values: z.record(z.string(), z.string().max(4096, 'At most 4096 characters')),
  }),
  async (input, ctx) => {
    const t = await getTemplateById(db, ctx.accountId, input.id);
    const sent = await sendMessage(db, {
      accountId: ctx.accountId,
      subAccountId: input.subAccountId,
      body: templateSendPayload(t, input.msisdn, input.values),
    });
    return { umid: sent.umid };
  },
);
