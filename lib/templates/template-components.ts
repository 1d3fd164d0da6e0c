import { z } from 'zod';

// The components of a WhatsApp template (header, body, footer, buttons, carousel), as zod schemas and
// their types: what template-schema.ts assembles into the payload and template-rules.ts checks.

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'] as const;
export const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP'] as const;
export const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const;

export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];
export type HeaderFormat = (typeof HEADER_FORMATS)[number];
export type ButtonType = (typeof BUTTON_TYPES)[number];

/** Type names are accepted in any case ("quick_reply") and stored upper-case. */
export const upper = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : v);
const text = (what: string) => z.string({ error: `Write the ${what} text` });
const examples = z.array(z.union([z.string(), z.number()]).transform(String), { error: 'Examples are a list of sample values, e.g. ["Maria"]' }).optional();

export const buttonSchema = z.preprocess(
  (v) => {
    if (!v || typeof v !== 'object') return v;
    const b = v as Record<string, unknown>;
    // Both spellings are seen in the wild; store Meta's.
    const phone = b.phone_number ?? b.phoneNumber;
    const { phoneNumber: _p, ...rest } = b;
    return { ...rest, type: upper(b.type), ...(phone !== undefined ? { phone_number: phone } : {}), ...(b.otp_type ? { otp_type: upper(b.otp_type) } : {}) };
  },
  z.object({
    type: z.enum(BUTTON_TYPES, { error: 'Choose a button type: QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE or OTP' }),
    text: z.string().optional(),
    url: z.string().optional(),
    phone_number: z.string().optional(),
    examples,
    otp_type: z.enum(OTP_TYPES, { error: 'The one-time-password button type is COPY_CODE, ONE_TAP or ZERO_TAP' }).optional(),
    package_name: z.string().optional(),
    signature_hash: z.string().optional(),
  }),
);
export type TemplateButton = z.infer<typeof buttonSchema>;

const headerSchema = z.object({
  type: z.literal('HEADER'),
  format: z.preprocess(upper, z.enum(HEADER_FORMATS, { error: 'Choose a header format: TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION' })),
  text: z.string().optional(),
  examples,
});
const bodySchema = z.object({ type: z.literal('BODY'), text: text('message body'), examples });
const footerSchema = z.object({ type: z.literal('FOOTER'), text: text('footer') });
const buttonsSchema = z.object({
  type: z.literal('BUTTONS'),
  buttons: z.array(buttonSchema, { error: 'Buttons are a list, e.g. [{"type":"QUICK_REPLY","text":"Yes"}]' }),
});

const withUpperType = (v: unknown) => (v && typeof v === 'object' ? { ...(v as object), type: upper((v as { type?: unknown }).type) } : v);
const unknownComponent = { error: 'Each component needs a type: HEADER, BODY, FOOTER, BUTTONS or CAROUSEL' };

export const cardComponentSchema = z.preprocess(
  withUpperType,
  z.discriminatedUnion('type', [headerSchema, bodySchema, buttonsSchema], { error: 'A carousel card holds HEADER, BODY and BUTTONS components' }),
);
export const cardSchema = z.object({
  components: z.array(cardComponentSchema, { error: 'Each card needs its components: a HEADER, a BODY and BUTTONS' }),
});
const carouselSchema = z.object({
  type: z.literal('CAROUSEL'),
  cards: z.array(cardSchema, { error: 'A carousel needs its cards' }),
});

export const componentSchema = z.preprocess(
  withUpperType,
  z.discriminatedUnion('type', [headerSchema, bodySchema, footerSchema, buttonsSchema, carouselSchema], unknownComponent),
);

export type HeaderComponent = z.infer<typeof headerSchema>;
export type BodyComponent = z.infer<typeof bodySchema>;
export type FooterComponent = z.infer<typeof footerSchema>;
export type ButtonsComponent = z.infer<typeof buttonsSchema>;
export type CarouselCard = z.infer<typeof cardSchema>;
export type CarouselComponent = z.infer<typeof carouselSchema>;
export type TemplateComponent = z.infer<typeof componentSchema>;
