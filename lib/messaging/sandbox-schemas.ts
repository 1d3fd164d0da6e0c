import { z } from 'zod';

// POST /subaccounts/{id}/sandbox/inbound and /sandbox/dtmf (API.md "Sandbox channel").
export const sandboxInboundSchema = z.object({
  channel: z.enum(['whatsapp', 'sms'], { error: "channel must be 'whatsapp' or 'sms'" }).default('whatsapp'),
  user: z.object({ msisdn: z.string({ error: 'user.msisdn is required' }) }, { error: 'user is required' }),
  type: z.enum(['text'], { error: "type must be 'text'" }).default('text'),
  content: z.looseObject({
    text: z.string({ error: 'content.text is required' }).min(1, 'content.text must not be empty').max(4096),
    // A tapped reply button / chosen list row (the Simulator sends these).
    reply: z.object({ id: z.string().max(256), title: z.string().max(72) }).optional(),
  }),
  timestamp: z.iso.datetime({ offset: true, error: 'timestamp must be an ISO 8601 date-time' }).optional(),
  referral: z.looseObject({ sourceType: z.enum(['ad', 'page_cta'], { error: "referral.sourceType must be 'ad' or 'page_cta'" }) }).optional().nullable(),
});

export const sandboxDtmfSchema = z.object({
  clientRequestId: z.string().max(200).optional().nullable(),
  destination: z.string({ error: 'destination is required' }),
  dtmf: z.string({ error: 'dtmf is required' }),
});
