import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parseWith } from '@/lib/api/read-json';
import { NotFoundError } from '@/lib/errors';
import { sendMessage, type SendAccepted } from '@/lib/messaging/send-message';
import { sendSms } from '@/lib/messaging/send-sms';
import { buildSendPayload } from '@/lib/templates/build-send-payload';
import type { TemplateComponent } from '@/lib/templates/template-schema';

export const channelTestInput = z
  .object({
    channelId: z.string().min(1),
    msisdn: z.string().trim().min(1, 'Enter the number to send to'),
    // "text", or "template:<name>:<language>" for one of the channel's approved templates.
    content: z.string().min(1),
    text: z.string().trim().max(1600, 'At most 1600 characters').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.content === 'text' && !v.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'Type the message to send' });
  });

/**
 * The channel page's "Send a test message": through the one send pipeline, from exactly this channel.
 * A WhatsApp text reaches the customer only inside the 24 h window (the outbox ends it undelivered with
 * 1022 otherwise); a template, filled with its own sample values, is sent at any time.
 */
export async function sendChannelTest(db: Db, accountId: string, raw: z.input<typeof channelTestInput>): Promise<SendAccepted> {
  const input = parseWith(channelTestInput, raw);
  const channel = await db.channel.findFirst({
    where: { id: input.channelId, subAccount: { accountId } },
    select: { id: true, kind: true, subAccountId: true },
  });
  if (!channel) throw new NotFoundError(`Channel '${input.channelId}' not found`);
  const base = { accountId, subAccountId: channel.subAccountId, channelId: channel.id };
  if (channel.kind === 'sms') return sendSms(db, { ...base, destination: input.msisdn, text: input.text ?? 'Parley test message' });
  if (input.content === 'text') return sendMessage(db, { ...base, body: { user: { msisdn: input.msisdn }, type: 'text', content: { text: input.text } } });
  const [, name, language] = input.content.split(':');
  const t = await db.template.findFirst({
    where: { channelId: channel.id, name, language, status: 'APPROVED' },
    select: { name: true, language: true, components: true },
  });
  if (!t) throw new NotFoundError(`No approved template '${name}' (${language}) on this channel`);
  return sendMessage(db, { ...base, body: buildSendPayload({ ...t, components: t.components as TemplateComponent[] }, input.msisdn) });
}
