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

export function paramText(p: SendParameter | undefined): string | undefined {
  if (!p) return undefined;
  const v = p.type.toLowerCase() === 'text' ? p.text : (p.text ?? p.payload);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

export function paramUrl(p: SendParameter | undefined): string | undefined {
  if (!p) return undefined;
  const nested = (p as Record<string, unknown>)[p.type.toLowerCase()] as { link?: unknown; url?: unknown } | undefined;
  const v = p.url ?? p.link ?? nested?.link ?? nested?.url;
  return typeof v === 'string' ? v : undefined;
}

export function paramCoupon(p: SendParameter | undefined): string | undefined {
  const v = p?.couponCode ?? p?.coupon_code ?? p?.text;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

export type SendLocation = { latitude: string; longitude: string; name?: string; address?: string };
export function paramLocation(p: SendParameter | undefined): SendLocation | undefined {
  const l = p?.location as Record<string, unknown> | undefined;
  if (!l || typeof l !== 'object') return undefined;
  const num = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v))) ? String(v) : undefined);
  const latitude = num(l.latitude);
  const longitude = num(l.longitude);
  if (!latitude || !longitude) return undefined;
  return { latitude, longitude, name: typeof l.name === 'string' ? l.name : undefined, address: typeof l.address === 'string' ? l.address : undefined };
}
