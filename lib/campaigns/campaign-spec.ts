import { z } from 'zod';

// The campaign spec as API.md "Campaigns" takes it: JSON beside the CSV (multipart `spec`) or the whole
// JSON body with `contactsTag` as the audience. Client-safe: the wizard builds the same object.

const PARAMETER_KEY = /^(header|body\.[1-9]\d*|button\.\d+|card\.\d+\.(header|body\.[1-9]\d*|button\.\d+))$/;

export const parameterSourceSchema = z
  .strictObject({
    column: z.string().min(1).optional(),
    value: z.string().optional(),
    fallback: z.string().optional(),
  })
  .refine((p) => (p.column === undefined) !== (p.value === undefined), { message: 'Give either "column" or "value"' });

export type ParameterSource = z.infer<typeof parameterSourceSchema>;

export const scheduleSchema = z.strictObject({
  // A wall-clock time without an offset ("2026-12-24T09:00:00"), read in `timeZone`.
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'A local date and time such as 2026-12-24T09:00:00'),
  // IANA ("Asia/Singapore") or Windows ("Singapore Standard Time"); default UTC.
  timeZone: z.string().min(1).optional(),
  // Send at `at` in each recipient's own time zone instead.
  recipientLocalTime: z.boolean().optional(),
});

export type CampaignSchedule = z.infer<typeof scheduleSchema>;

export const campaignSpecSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name the campaign').max(120),
  subAccountId: z.string().min(1),
  template: z.strictObject({ name: z.string().min(1), language: z.string().min(1) }),
  recipients: z
    .strictObject({
      msisdnColumn: z.string().min(1).optional(),
      // ISO 3166 alpha-2: numbers written without a country code are read as this country's.
      defaultCountry: z
        .string()
        .regex(/^[A-Za-z]{2}$/, 'An ISO 3166 alpha-2 country code such as SG')
        .transform((s) => s.toUpperCase())
        .optional(),
    })
    .default({}),
  parameters: z.record(z.string().regex(PARAMETER_KEY, 'A parameter key such as body.1, header, button.0 or card.0.body.1'), parameterSourceSchema).default({}),
  schedule: scheduleSchema.optional(),
  // Messages per second; default the channel's rate.
  ratePerSecond: z.number().int().min(1).max(10_000).optional(),
  // The audience from contacts instead of a CSV.
  contactsTag: z.string().trim().min(1).optional(),
  // Save the CSV's valid recipients as contacts with this tag.
  saveContactsTag: z.string().trim().min(1).max(64).optional(),
});

export type CampaignSpec = z.infer<typeof campaignSpecSchema>;

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const RECIPIENT_STATUSES = ['invalid', 'duplicate', 'opted_out', 'pending', 'queued', 'sent', 'delivered', 'read', 'failed', 'skipped'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/** A recipient's problem, per API.md: the column it is in, the 8x8 code (1002, 3041, 1005) and why. */
export type RowError = { column: string; code: number; message: string };

/** The campaign-wide counts the API and the page show. */
export type CampaignCounts = {
  rows: number;
  valid: number;
  invalid: number;
  duplicates: number;
  optedOut: number;
  pending: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
};

/** The idempotency key of a recipient's message: a crash, retry or resume can never send it twice. */
export function recipientClientMessageId(campaignId: string, row: number): string {
  return `campaign:${campaignId}:${row}`;
}

/** The campaign and row a recipient's clientMessageId names, or null for any other message. */
export function parseRecipientClientMessageId(clientMessageId: string | null | undefined): { campaignId: string; row: number } | null {
  const m = clientMessageId ? /^campaign:([^:]+):(\d+)$/.exec(clientMessageId) : null;
  return m ? { campaignId: m[1]!, row: Number(m[2]) } : null;
}
