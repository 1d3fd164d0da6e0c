import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parseWith } from '@/lib/api/read-json';
import { findSubAccountCached } from '@/lib/messaging/cached-sub-account';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { enqueueOutbound, findByClientMessageId, type SendAccepted, type SendOrigin } from '@/lib/messaging/enqueue-outbound';

export type SendSmsRequest = {
  accountId: string;
  subAccountId: string;
  destination: string;
  text: string;
  /** Sender id or virtual number; defaults to the subaccount's SMS channel. */
  source?: string | null;
  clientMessageId?: string | null;
  origin?: SendOrigin;
};

const smsSchema = z.object({
  text: z.string({ error: 'text is required' }).min(1, 'text must not be empty').max(1600, 'text must be at most 1600 characters'),
  source: z.string().max(20, 'source must be at most 20 characters').optional().nullable(),
});

/** Sends an SMS through the same pipeline (channel "sms"); the sandbox provider delivers it. */
export async function sendSms(db: Db, req: SendSmsRequest): Promise<SendAccepted> {
  const input = parseWith(smsSchema, { text: req.text, source: req.source });
  const to = parseMsisdn(req.destination, 'destination');
  const sub = await findSubAccountCached(db, req.accountId, req.subAccountId);
  const channel = sub.channels.find((c) => c.kind === 'sms') ?? null;
  const previous = await findByClientMessageId(db, sub.id, req.clientMessageId);
  if (previous) return previous;
  return enqueueOutbound(db, {
    accountId: req.accountId,
    subAccountId: sub.id,
    channelId: channel?.id ?? null,
    channel: 'sms',
    to,
    type: 'text',
    content: { text: input.text, source: input.source ?? channel?.address ?? null },
    category: 'service',
    clientMessageId: req.clientMessageId ?? null,
    origin: req.origin,
  });
}
