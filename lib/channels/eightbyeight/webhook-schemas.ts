import { z } from 'zod';
import { numberAsString } from '@/lib/messaging/send-schema';
import { TEMPLATE_STATUSES } from '@/lib/templates/stored-template';

// 8x8's webhook bodies as the reference shows them ("Inbound Webhook Payload", "Asynchronous Error
// Webhook Payload", "Sample Payload (Template Rejected)"). Objects are loose: fields 8x8 adds later are
// kept, not refused. Enum-like values are read in any case.
const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
const upper = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : v);
const absentIfNull = (v: unknown) => (v === null ? undefined : v);
const optionalString = z.preprocess(absentIfNull, z.string().optional());
const timestamp = z.preprocess(absentIfNull, z.iso.datetime({ offset: true, error: 'timestamp must be an ISO 8601 date-time' }).optional());

const umid = z.preprocess(numberAsString, z.string({ error: 'payload.umid is required' }).trim().min(1, 'payload.umid must not be empty').max(200));
const msisdn = z.preprocess(numberAsString, z.string().trim().min(1));

/** Chat Apps: { user: { msisdn }, type, content }. SMS: { source, destination, text } (or the Chat Apps form). */
export const inboundEventSchema = z.looseObject({
  namespace: z.preprocess(lower, z.enum(['chatapps', 'sms'], { error: "namespace must be 'ChatApps' or 'SMS'" })),
  eventType: z.literal('inbound_message_received'),
  payload: z
    .looseObject({
      umid,
      subAccountId: optionalString,
      timestamp,
      receivedAt: timestamp,
      user: z.preprocess(absentIfNull, z.looseObject({ msisdn: z.preprocess(absentIfNull, msisdn.optional()) }).optional()),
      source: z.preprocess(absentIfNull, msisdn.optional()),
      type: z.preprocess(absentIfNull, z.string().trim().min(1).max(40).optional()),
      content: z.preprocess(absentIfNull, z.looseObject({}).optional()),
      text: optionalString,
      referral: z.preprocess(absentIfNull, z.looseObject({ sourceType: z.preprocess(lower, z.string()) }).optional()),
    })
    .refine((p) => p.user?.msisdn || p.source, { message: 'payload.user.msisdn (or payload.source for SMS) is required', path: ['user', 'msisdn'] })
    .refine((p) => p.content || typeof p.text === 'string', { message: 'payload.content (or payload.text for SMS) is required', path: ['content'] }),
});
export type InboundEvent = z.infer<typeof inboundEventSchema>;

export const CARRIER_STATES = ['queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected'] as const;

export const statusEventSchema = z.looseObject({
  namespace: z.preprocess(lower, z.enum(['chatapps', 'sms'], { error: "namespace must be 'ChatApps' or 'SMS'" })),
  eventType: z.literal('outbound_message_status_changed'),
  payload: z.looseObject({
    umid,
    clientMessageId: z.preprocess((v) => absentIfNull(numberAsString(v)), z.string().max(200).optional()),
    subAccountId: optionalString,
    status: z.looseObject({
      state: z.preprocess(lower, z.enum(CARRIER_STATES, { error: `status.state must be one of ${CARRIER_STATES.join(', ')}` })),
      detail: optionalString,
      timestamp,
      errorCode: z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : absentIfNull(v)), z.number().int().optional()),
      errorMessage: optionalString,
    }),
  }),
});
export type StatusEvent = z.infer<typeof statusEventSchema>;

export const templateStatusEventSchema = z.looseObject({
  eventId: optionalString,
  timestamp: optionalString,
  eventType: z.literal('template_status_update'),
  eventDetails: z.looseObject({
    templateName: z.string({ error: 'eventDetails.templateName is required' }).trim().min(1).max(512),
    templateLanguage: z.string({ error: 'eventDetails.templateLanguage is required' }).trim().min(1).max(20),
    meta: z.looseObject({
      status: z.preprocess(upper, z.enum(TEMPLATE_STATUSES, { error: `meta.status must be one of ${TEMPLATE_STATUSES.join(', ')}` })),
      reason: z.preprocess(absentIfNull, z.string().max(500).optional()),
    }),
  }),
});
export type TemplateStatusEvent = z.infer<typeof templateStatusEventSchema>;

/** Events the reference lists that Parley takes and logs without acting on them. */
export const LOGGED_EVENT_TYPES = new Set(['template_quality_update', 'template_category_update', 'phone_number_quality_update']);
