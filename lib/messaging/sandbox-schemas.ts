import { z } from 'zod';
import { numberAsString } from '@/lib/messaging/send-schema';

// POST /subaccounts/{id}/sandbox/inbound and /sandbox/dtmf (API.md "Sandbox channel").
const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
// Sent as null by serializers that write unset fields: the field is left out.
const absentIfNull = (v: unknown) => (v === null ? undefined : v);
// A client's clock may run a little ahead of ours.
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

// The inbound event writes "type": "Text" and the sends "text": both spellings are accepted here.
export const sandboxInboundSchema = z.object(
  {
    channel: z.preprocess((v) => lower(absentIfNull(v)), z.enum(['whatsapp', 'sms'], { error: "channel must be 'whatsapp' or 'sms'" }).default('whatsapp')),
    user: z.object({ msisdn: z.preprocess(numberAsString, z.string({ error: 'user.msisdn is required' })) }, { error: 'user is required' }),
    type: z.preprocess((v) => lower(absentIfNull(v)), z.enum(['text'], { error: "type must be 'text'" }).default('text')),
    content: z.looseObject({
      text: z.string({ error: 'content.text is required' }).min(1, 'content.text must not be empty').max(4096, 'content.text must be at most 4096 characters'),
      // A tapped reply button / chosen list row (the Simulator sends these).
      reply: z.preprocess(absentIfNull, z.object({ id: z.string().max(256), title: z.string().max(72) }).optional()),
    }),
    timestamp: z.preprocess(
      absentIfNull,
      z.iso
        .datetime({ offset: true, error: 'timestamp must be an ISO 8601 date-time' })
        // A message from the future opened the customer's 24-hour window until then (9999-12-31 kept it
        // open for good: a later message never shortens a window), so freeform sends never expired.
        .refine((t) => Date.parse(t) <= Date.now() + MAX_CLOCK_SKEW_MS, 'timestamp must not be in the future')
        // Nor from before messaging existed: year 0 parses in JavaScript but no database stores it.
        .refine((t) => Date.parse(t) >= 0, 'timestamp must not be before 1970')
        .optional(),
    ),
    referral: z
      .looseObject({ sourceType: z.preprocess(lower, z.enum(['ad', 'page_cta'], { error: "referral.sourceType must be 'ad' or 'page_cta'" })) })
      .optional()
      .nullable(),
  },
  { error: 'The body must be a JSON object: { "channel", "user", "type", "content" }' },
);

export const sandboxDtmfSchema = z.object(
  {
    clientRequestId: z.string().max(200).optional().nullable(),
    destination: z.preprocess(numberAsString, z.string({ error: 'destination is required' })),
    // A key press may arrive as the number 1 rather than "1".
    dtmf: z.preprocess(numberAsString, z.string({ error: 'dtmf is required' })),
  },
  { error: 'The body must be a JSON object: { "destination", "dtmf" }' },
);
