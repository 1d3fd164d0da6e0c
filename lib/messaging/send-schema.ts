import { z } from 'zod';

// The 8x8 Chat Apps send payload (POST /subaccounts/{id}/messages), as the reference docs show it.
// Objects are "loose": fields we do not model (content.sms fallback, previewUrl, ...) are kept, not refused.

const nonEmpty = (max: number, what: string) =>
  z.string({ error: `${what} is required` }).trim().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`);

const textContent = z.looseObject({ text: nonEmpty(4096, 'text') });

const templateComponent = z.looseObject({
  type: z.string({ error: 'Each component needs a type (header, body, button, carousel)' }).min(1),
});

const templateContent = z.looseObject({
  template: z.looseObject({
    name: nonEmpty(512, 'template.name'),
    language: nonEmpty(20, 'template.language'),
    components: z.array(templateComponent).optional(),
  }),
});

const replyButton = z.looseObject({
  type: z.literal('reply', { error: "Button type must be 'reply'" }),
  reply: z.looseObject({ id: nonEmpty(256, 'reply.id'), title: nonEmpty(20, 'reply.title') }),
});

const interactiveHeader = z.looseObject({ type: z.string().min(1) }).optional();
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
  id: nonEmpty(200, 'row.id'),
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
        .array(z.looseObject({ title: z.string().max(24, 'section.title must be at most 24 characters').optional(), rows: z.array(listRow).min(1, 'A section needs at least one row') }))
        .min(1, 'At least one section is required')
        .max(10, 'At most 10 sections are allowed'),
    })
    .refine((a) => a.sections.reduce((n, s) => n + s.rows.length, 0) <= 10, { message: 'A list may hold at most 10 rows in total', path: ['sections'] })
    .refine((a) => {
      const ids = a.sections.flatMap((s) => s.rows.map((r) => r.id));
      return new Set(ids).size === ids.length;
    }, { message: 'List row ids must be unique', path: ['sections'] }),
});

const ctaUrlInteractive = z.looseObject({
  type: z.literal('cta_url'),
  header: interactiveHeader,
  body: interactiveBody,
  footer: interactiveFooter,
  action: z.looseObject({
    parameters: z.looseObject({ display_text: nonEmpty(20, 'display_text'), url: nonEmpty(2000, 'url') }),
  }),
});

const interactiveContent = z.looseObject({
  interactive: z.discriminatedUnion('type', [buttonInteractive, listInteractive, ctaUrlInteractive], {
    error: "interactive.type must be 'button', 'list' or 'cta_url'",
  }),
});

const mediaContent = z.looseObject({
  url: z.string({ error: 'url is required' }).url('url must be an absolute URL'),
  caption: z.string().max(1024).optional(),
  text: z.string().max(1024).optional(),
  filename: z.string().max(240).optional(),
});

const coordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]);
const locationObject = z.looseObject({ latitude: coordinate, longitude: coordinate, name: z.string().optional(), address: z.string().optional() });
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
export const CONTENT_ENVELOPES = Object.fromEntries(MESSAGE_TYPES.map((t) => [t, z.object({ content: CONTENT_SCHEMAS[t] })])) as unknown as Record<MessageType, z.ZodType<{ content: Record<string, unknown> }>>;

/** The envelope; content is checked per type afterwards so errors name the right fields. */
export const sendEnvelopeSchema = z.looseObject({
  user: z.looseObject({ msisdn: z.string({ error: 'user.msisdn is required' }) }, { error: 'user is required' }),
  type: z
    .string({ error: 'type is required' })
    .transform((t) => t.toLowerCase())
    .pipe(z.enum(MESSAGE_TYPES as [MessageType, ...MessageType[]], { error: `type must be one of ${MESSAGE_TYPES.join(', ')}` })),
  content: z.looseObject({}, { error: 'content is required' }),
  clientMessageId: z.string().trim().min(1).max(200, 'clientMessageId must be at most 200 characters').optional().nullable(),
});

export type SendTemplate = { name: string; language: string; components?: Array<Record<string, unknown>> };
