import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parseWith } from '@/lib/api/read-json';
import type { SendAccepted, SendOrigin } from '@/lib/messaging/enqueue-outbound';
import { sendOnChannel } from '@/lib/messaging/send-on-channel';

export type SendVoiceRequest = {
  accountId: string;
  subAccountId: string;
  destination: string;
  /** What the call says (text to speech). */
  text: string;
  language?: string | null;
  clientMessageId?: string | null;
  origin?: SendOrigin;
};

const voiceSchema = z.object({
  text: z.string({ error: 'text is required' }).min(1, 'text must not be empty').max(3000, 'text must be at most 3000 characters'),
  language: z.string().max(20).optional().nullable(),
});

/**
 * A sandbox voice call that "speaks" text (channel "voice"). The Simulator shows the call's text and a
 * keypad; presses arrive through POST /sandbox/dtmf.
 */
export async function sendVoiceMessage(db: Db, req: SendVoiceRequest): Promise<SendAccepted> {
  const input = parseWith(voiceSchema, { text: req.text, language: req.language });
  return sendOnChannel(db, req, 'voice', 'voice', () => ({ text: input.text, language: input.language ?? 'en-US' }));
}
