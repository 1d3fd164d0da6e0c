import { z } from 'zod';

// The provisioning payloads of API.md ("Provisioning"), shared by the REST routes, the console's
// forms and the OpenAPI document.

export const CHANNEL_KINDS = ['whatsapp', 'sms'] as const;
export const CHANNEL_PROVIDERS = ['sandbox', '8x8'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export type ChannelProviderName = (typeof CHANNEL_PROVIDERS)[number];

const E164 = /^\+[1-9]\d{6,14}$/;
// An SMS sender id: a number in E.164, or 1–11 letters and digits (what carriers accept as alphanumeric).
const ALPHANUMERIC_SENDER = /^[A-Za-z0-9]{1,11}$/;

const secret = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .max(500, `The ${label} is at most 500 characters`);

/** 8x8's credentials for a channel: its API key, the 8x8 subaccount to send as, the secret on its webhooks. */
export const eightByEightCredentials = z
  .object({ apiKey: secret('8x8 API key'), subAccountId: secret('8x8 subaccount id'), webhookSecret: secret('webhook secret') })
  .strict();
export type EightByEightCredentials = z.infer<typeof eightByEightCredentials>;

export const subAccountIdSchema = z
  .string({ error: 'Enter an id' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{3,50}$/, 'Use 3–50 letters, digits, _ or -');

export const createSubAccountInput = z
  .object({ id: subAccountIdSchema, name: z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(100, 'Keep the name under 100 characters') })
  .strict();

const channelName = z.string().trim().min(1, 'Enter a name').max(100, 'Keep the name under 100 characters');

export const createChannelInput = z
  .object({
    id: subAccountIdSchema,
    kind: z.enum(CHANNEL_KINDS, { error: 'kind must be whatsapp or sms' }),
    address: z.string({ error: 'Enter the number or sender id' }).trim().min(1, 'Enter the number or sender id'),
    provider: z.enum(CHANNEL_PROVIDERS, { error: 'provider must be sandbox or 8x8' }).default('sandbox'),
    name: channelName.optional(),
    credentials: eightByEightCredentials.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'whatsapp' && !E164.test(v.address)) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'A WhatsApp number in E.164, such as +6591234567' });
    }
    if (v.kind === 'sms' && !E164.test(v.address) && !ALPHANUMERIC_SENDER.test(v.address)) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'A number in E.164 (+6591234567) or 1–11 letters and digits (Acme)' });
    }
    if (v.provider === '8x8' && !v.credentials) {
      ctx.addIssue({ code: 'custom', path: ['credentials'], message: 'An 8x8 channel needs its credentials: apiKey, subAccountId and webhookSecret' });
    }
    if (v.provider === 'sandbox' && v.credentials) {
      ctx.addIssue({ code: 'custom', path: ['credentials'], message: 'The sandbox takes no credentials' });
    }
  });
export type CreateChannelInput = z.input<typeof createChannelInput>;

// Blank (or absent) keeps the stored value: rotating one secret does not require retyping the others.
const keep = (label: string) =>
  z
    .string({ error: `The ${label} must be text` })
    .trim()
    .max(500, `The ${label} is at most 500 characters`)
    .optional()
    .transform((v) => v || undefined);

export const updateChannelInput = z
  .object({
    name: channelName.optional(),
    credentials: z
      .object({ apiKey: keep('8x8 API key'), subAccountId: keep('8x8 subaccount id'), webhookSecret: keep('webhook secret') })
      .strict()
      .optional(),
  })
  .strict()
  .refine((v) => v.name !== undefined || v.credentials !== undefined, { message: 'Give a name or credentials to change' });
export type UpdateChannelInput = z.input<typeof updateChannelInput>;
