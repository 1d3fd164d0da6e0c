import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parseWith } from '@/lib/api/read-json';
import type { SendAccepted, SendOrigin } from '@/lib/messaging/enqueue-outbound';
import { sendOnChannel } from '@/lib/messaging/send-on-channel';

export type SendSmsRequest = {
  accountId: string;
  subAccountId: string;
  destination: string;
  text: string;
  /** Sender id or virtual number; defaults to the subaccount's SMS channel. */
  source?: string | null;
  clientMessageId?: string | null;
  origin?: SendOrigin;
  channelId?: string;
};

const smsSchema = z.object({
  text: z.string({ error: 'text is required' }).min(1, 'text must not be empty').max(1600, 'text must be at most 1600 characters'),
  source: z.string().max(20, 'source must be at most 20 characters').optional().nullable(),
});

/** Sends an SMS through the same pipeline (channel "sms"); the sandbox provider delivers it. */
export async function sendSms(db: Db, req: SendSmsRequest): Promise<SendAccepted> {
  const input = parseWith(smsSchema, { text: req.text, source: req.source });
  return sendOnChannel(db, req, 'sms', 'text', (address) => ({ text: input.text, source: input.source ?? address }));
}
