import { z } from 'zod';

/**
 * `content.template` of a send payload, as the reference docs write it: component types in lower
 * case (body, header, button, carousel), a button's `index` as a string or a number, `subType` in
 * any spelling (url, copy_code, copyCode, quick_reply). Kept loose: unknown fields are ignored.
 */
export const sendParameterSchema = z.looseObject({
  type: z.string({ error: 'Each parameter needs a type, e.g. "text"' }),
  text: z.unknown().optional(),
  url: z.unknown().optional(),
  link: z.unknown().optional(),
  location: z.unknown().optional(),
  couponCode: z.unknown().optional(),
  coupon_code: z.unknown().optional(),
  payload: z.unknown().optional(),
});
export type SendParameter = z.infer<typeof sendParameterSchema>;

const parameters = z.array(sendParameterSchema, { error: 'parameters must be a list' }).optional();
const index = z
  .union([z.number(), z.string()], { error: 'index must be a number or a string such as "0"' })
  .refine((v) => /^\d+$/.test(String(v)), 'index must be a whole number such as 0 or "0"')
  .transform(Number)
  .optional();

export const sendComponentSchema = z.looseObject({
  type: z.string({ error: 'Each component needs a type: body, header, button or carousel' }).transform((t) => t.toLowerCase()),
  parameters,
  index,
  subType: z.string().optional(),
  sub_type: z.string().optional(),
});
export type SendComponent = z.infer<typeof sendComponentSchema>;

export const sendCardSchema = z.looseObject({
  cardIndex: index,
  card_index: index,
  components: z.array(sendComponentSchema, { error: 'A card lists its components' }).default([]),
});
export type SendCard = z.infer<typeof sendCardSchema>;

export const sendTemplateSchema = z.looseObject({
  name: z.string().optional(),
  language: z.string().optional(),
  components: z
    .array(sendComponentSchema.extend({ cards: z.array(sendCardSchema, { error: 'cards must be a list' }).optional() }), {
      error: 'components must be a list',
    })
    .optional(),
});
export type SendTemplate = z.infer<typeof sendTemplateSchema>;
export type SendTopComponent = NonNullable<SendTemplate['components']>[number];

/** "copyCode", "copy_code", "COPY-CODE" → "copycode". */
export function normalizeSubType(c: { subType?: string; sub_type?: string }): string | undefined {
  const raw = c.subType ?? c.sub_type;
  return raw?.toLowerCase().replace(/[^a-z]/g, '');
}

// A number is taken as its text ("Order 42"); JSON's 1e400 parses as Infinity, which is no value
// (it was sent as the text "Infinity").
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function paramText(p: SendParameter | undefined): string | undefined {
  if (!p) return undefined;
  const v = p.type.toLowerCase() === 'text' ? p.text : (p.text ?? p.payload);
  return typeof v === 'string' || isFiniteNumber(v) ? String(v) : undefined;
}

export function paramUrl(p: SendParameter | undefined): string | undefined {
  if (!p) return undefined;
  const nested = (p as Record<string, unknown>)[p.type.toLowerCase()] as { link?: unknown; url?: unknown } | undefined;
  const v = p.url ?? p.link ?? nested?.link ?? nested?.url;
  return typeof v === 'string' ? v : undefined;
}

export function paramCoupon(p: SendParameter | undefined): string | undefined {
  const v = p?.couponCode ?? p?.coupon_code ?? p?.text;
  return typeof v === 'string' || isFiniteNumber(v) ? String(v) : undefined;
}

export type SendLocation = { latitude: string; longitude: string; name?: string; address?: string };
/**
 * The location of a location-header parameter, or undefined when it is not one: degrees within the
 * globe (a number or a numeric string, as a freeform location takes them) and, when given, a name and
 * an address of text. Anything passed before, so a latitude of 12345, "Infinity" or 1e400 (which is
 * stored as null) and a name that was an object were sent.
 */
export function paramLocation(p: SendParameter | undefined): SendLocation | undefined {
  const l = p?.location as Record<string, unknown> | undefined;
  if (!l || typeof l !== 'object') return undefined;
  const degrees = (v: unknown, limit: number) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : Number.NaN;
    return Number.isFinite(n) && Math.abs(n) <= limit ? String(v).trim() : undefined;
  };
  const text = (v: unknown) => v == null || (typeof v === 'string' && v.length <= LOCATION_TEXT_MAX);
  const latitude = degrees(l.latitude, 90);
  const longitude = degrees(l.longitude, 180);
  if (!latitude || !longitude || !text(l.name) || !text(l.address)) return undefined;
  return { latitude, longitude, name: typeof l.name === 'string' ? l.name : undefined, address: typeof l.address === 'string' ? l.address : undefined };
}

// As for a freeform location (lib/messaging/send-schema.ts).
const LOCATION_TEXT_MAX = 1000;
