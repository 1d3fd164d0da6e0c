import { z } from 'zod';
import { isHttpUrl, normalizeButtonUrl } from '@/lib/templates/template-variables';
import { canonicalTemplateLanguage } from '@/lib/templates/languages';

// The 8x8 Chat Apps send payload (POST /subaccounts/{id}/messages), as the reference docs show it.
// Objects are "loose": fields we do not model (content.sms fallback, previewUrl, ...) are kept, not refused.
// Enum-like values (type, interactive.type, button type, header type) are read in any case and
// stored lower-case: the docs themselves write "Text" in webhooks and "text" in sends.

/** "is required" when absent, "must be a string" when present with another type. */
const stringError = (what: string) => (iss: { input?: unknown }) => (iss.input === undefined ? `${what} is required` : `${what} must be a string`);

// Text is sent as written (no trimming): leading spaces and trailing newlines are the sender's choice.
const nonEmpty = (max: number, what: string) =>
  z
    .string({ error: stringError(what) })
    .max(max, `${what} must be at most ${max} characters`)
    .refine((v) => v.trim().length > 0, `${what} must not be empty`);

/** Lower-cases an object's `type` so that discriminated unions match "BUTTON" and "button" alike. */
const lowerType = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string'
    ? { ...(v as object), type: (v as { type: string }).type.trim().toLowerCase() }
    : v;

/** A value that may arrive as a JSON number (a phone number or an id kept as a number by the sender). */
export const numberAsString = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? String(v) : v);

const textContent = z.looseObject({ text: nonEmpty(4096, 'text') });

const templateComponent = z.looseObject({
  type: z.string({ error: 'Each component needs a type (header, body, button, carousel)' }).min(1),
});

const templateContent = z.looseObject({
  template: z.looseObject(
    {
      name: z
        .string({ error: stringError('template.name') })
        .trim()
        .min(1, 'template.name must not be empty')
        .max(512),
      // Templates are stored under WhatsApp's spelling (en_US); "en-US" finds the same template.
      language: z
        .string({ error: stringError('template.language') })
        .trim()
        .min(1, 'template.language must not be empty')
        .max(20)
        .transform((l) => canonicalTemplateLanguage(l) ?? l),
      components: z.array(templateComponent, { error: 'template.components must be a list' }).optional(),
    },
    { error: 'template is required: { "name", "language", "components" }' },
  ),
});

const replyButton = z.looseObject({
  type: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.literal('reply', { error: "Button type must be 'reply'" })),
  reply: z.looseObject({ id: z.preprocess(numberAsString, nonEmpty(256, 'reply.id')), title: nonEmpty(20, 'reply.title') }),
});

// A text header has WhatsApp's 60-character limit; media headers carry their media object as sent.
const interactiveHeader = z
  .preprocess(
    lowerType,
    z.discriminatedUnion(
      'type',
      [
        z.looseObject({ type: z.literal('text'), text: nonEmpty(60, 'header.text') }),
        z.looseObject({ type: z.literal('image') }),
        z.looseObject({ type: z.literal('video') }),
        z.looseObject({ type: z.literal('document') }),
      ],
      { error: "header.type must be 'text', 'image', 'video' or 'document'" },
    ),
  )
  .optional();
const interactiveBody = z.looseObject({ text: nonEmpty(1024, 'body.text') });
const interactiveFooter = z.looseObject({ text: nonEmpty(60, 'footer.text') }).optional();

const buttonInteractive = z.looseObject({
  type: z.literal('button'),
  header: interactiveHeader,
  body: interactiveBody,
  footer: interactiveFooter,
  action: z.looseObject({
    buttons: z
      .array(replyButton)
      .min(1, 'At least one reply button is required')
      .max(3, 'At most 3 reply buttons are allowed')
      .refine((bs) => new Set(bs.map((b) => b.reply.id)).size === bs.length, 'Reply button ids must be unique')
      .refine((bs) => new Set(bs.map((b) => b.reply.title)).size === bs.length, 'Reply button titles must be unique'),
  }),
});

const listRow = z.looseObject({
  id: z.preprocess(numberAsString, nonEmpty(200, 'row.id')),
  title: nonEmpty(24, 'row.title'),
  description: z.string().max(72, 'row.description must be at most 72 characters').optional(),
});

const listInteractive = z.looseObject({
  type: z.literal('list'),
  header: interactiveHeader,
  body: interactiveBody,
  footer: interactiveFooter,
  action: z
    .looseObject({
      button: nonEmpty(20, 'action.button'),
      sections: z
        .array(
          z.looseObject({
            title: z.string().max(24, 'section.title must be at most 24 characters').optional(),
            rows: z.array(listRow).min(1, 'A section needs at least one row'),
          }),
        )
        .min(1, 'At least one section is required')
        .max(10, 'At most 10 sections are allowed'),
    })
    .refine((a) => a.sections.reduce((n, s) => n + s.rows.length, 0) <= 10, { message: 'A list may hold at most 10 rows in total', path: ['sections'] })
    .refine(
      (a) => {
        const ids = a.sections.flatMap((s) => s.rows.map((r) => r.id));
        return new Set(ids).size === ids.length;
      },
      { message: 'List row ids must be unique', path: ['sections'] },
    ),
});

const ctaUrlInteractive = z.looseObject({
  type: z.literal('cta_url'),
  header: interactiveHeader,
  body: interactiveBody,
  footer: interactiveFooter,
  action: z.looseObject({
    parameters: z.looseObject({
      display_text: nonEmpty(20, 'display_text'),
      // The reference writes this URL as a Markdown link ("[https://x](https://x)"); that is accepted.
      url: nonEmpty(2000, 'url').refine((u) => isHttpUrl(normalizeButtonUrl(u)), 'url must be an http(s) address, e.g. https://example.com/cart'),
    }),
  }),
});

const interactiveContent = z.looseObject({
  interactive: z.preprocess(
    lowerType,
    z.discriminatedUnion('type', [buttonInteractive, listInteractive, ctaUrlInteractive], {
      error: (iss) =>
        iss.input === undefined ? 'interactive is required: { "type", "body", "action" }' : "interactive.type must be 'button', 'list' or 'cta_url'",
    }),
  ),
});

const mediaContent = z.looseObject({
  url: z
    .string({ error: stringError('url') })
    .trim()
    .refine(isHttpUrl, 'url must be an absolute http(s) address of the media, e.g. one returned by POST /files'),
  caption: z.string({ error: 'caption must be a string' }).max(1024, 'caption must be at most 1024 characters').optional(),
  text: z.string({ error: 'text must be a string' }).max(1024, 'text must be at most 1024 characters').optional(),
  filename: z.string({ error: 'filename must be a string' }).max(240, 'filename must be at most 240 characters').optional(),
});

// Numbers or numeric strings ("1.2857" in the reference), within the globe.
const coordinate = (what: string, limit: number) =>
  z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^[-+]?\d+(\.\d+)?$/, `${what} must be a number of degrees, e.g. 1.2857 or "1.2857"`),
      ],
      {
        error: `${what} must be a number of degrees, e.g. 1.2857 or "1.2857"`,
      },
    )
    .refine((v) => Math.abs(Number(v)) <= limit, `${what} must be between -${limit} and ${limit}`);
const locationObject = z.looseObject({
  latitude: coordinate('latitude', 90),
  longitude: coordinate('longitude', 180),
  name: z.string({ error: 'name must be a string' }).max(1000).optional(),
  address: z.string({ error: 'address must be a string' }).max(1000).optional(),
});
const locationContent = z.union([z.looseObject({ location: locationObject }), locationObject]);

export const CONTENT_SCHEMAS = {
  text: textContent,
  template: templateContent,
  interactive: interactiveContent,
  image: mediaContent,
  video: mediaContent,
  audio: mediaContent,
  document: mediaContent,
  location: locationContent,
} as const;

export type MessageType = keyof typeof CONTENT_SCHEMAS;
export const MESSAGE_TYPES = Object.keys(CONTENT_SCHEMAS) as MessageType[];

/** `{ content }` per type, built once: errors then carry the full path (content.template.name). */
export const CONTENT_ENVELOPES = Object.fromEntries(MESSAGE_TYPES.map((t) => [t, z.object({ content: CONTENT_SCHEMAS[t] })])) as unknown as Record<
  MessageType,
  z.ZodType<{ content: Record<string, unknown> }>
>;

/** The envelope; content is checked per type afterwards so errors name the right fields. */
export const sendEnvelopeSchema = z.looseObject(
  {
    user: z.looseObject(
      { msisdn: z.preprocess(numberAsString, z.string({ error: stringError('user.msisdn') })) },
      { error: 'user is required: { "msisdn": "+15551234567" }' },
    ),
    type: z
      .string({ error: stringError('type') })
      .transform((t) => t.trim().toLowerCase())
      .pipe(z.enum(MESSAGE_TYPES as [MessageType, ...MessageType[]], { error: `type must be one of ${MESSAGE_TYPES.join(', ')}` })),
    content: z.looseObject({}, { error: 'content is required and must be an object' }),
    clientMessageId: z
      .preprocess(
        numberAsString,
        z
          .string({ error: 'clientMessageId must be a string' })
          .trim()
          .min(1, 'clientMessageId must not be empty')
          .max(200, 'clientMessageId must be at most 200 characters'),
      )
      .optional(),
  },
  {
    error: (iss) =>
      iss.input === undefined ? 'The body is empty: send the message as a JSON object' : 'The body must be a JSON object: { "user", "type", "content" }',
  },
);

export type SendTemplate = { name: string; language: string; components?: Array<Record<string, unknown>> };
