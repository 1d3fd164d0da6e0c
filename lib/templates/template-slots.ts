import type { TemplateComponent } from '@/lib/templates/template-schema';
import { buttonType, headerFormat, templateParts } from '@/lib/templates/template-parts';
import { variableCount, variablesIn } from '@/lib/templates/template-variables';

/** What a value fills: a text variable, a media header's URL, a location header, a URL suffix, a code. */
export type SlotKind = 'text' | 'image' | 'video' | 'document' | 'location' | 'url' | 'coupon';

/**
 * One value a send of this template needs, named as campaigns name them: `header`, `body.N`, `button.I`,
 * `card.C.header`, `card.C.body.N`, `card.C.button.I`.
 */
export type TemplateSlot = { key: string; kind: SlotKind; label: string; example: string };

type Template = { components: readonly TemplateComponent[] | TemplateComponent[] };

const SAMPLE_LOCATION = '1.2857,103.8479,Downtown Medical Clinic,123 Health St';

/** Every value a send of the template needs, in the order the template shows them. */
export function templateSlots(t: Template): TemplateSlot[] {
  return partSlots(t.components as TemplateComponent[], '', '', true);
}

function partSlots(components: TemplateComponent[], prefix: string, where: string, top: boolean): TemplateSlot[] {
  const parts = templateParts(components);
  const out: TemplateSlot[] = [];
  const sample = (examples: string[] | undefined, k: number) => examples?.[k]?.trim() || `value${k + 1}`;
  const format = headerFormat(parts.header);
  if (format === 'TEXT' && variableCount(parts.header?.text)) {
    out.push({ key: `${prefix}header`, kind: 'text', label: `${where}Header {{1}}`, example: sample(parts.header?.examples, 0) });
  } else if (format === 'LOCATION') {
    out.push({ key: `${prefix}header`, kind: 'location', label: `${where}Header location (lat,long)`, example: SAMPLE_LOCATION });
  } else if (format === 'IMAGE' || format === 'VIDEO' || format === 'DOCUMENT') {
    out.push({
      key: `${prefix}header`,
      kind: format.toLowerCase() as SlotKind,
      label: `${where}Header ${format.toLowerCase()} URL`,
      example: parts.header?.examples?.[0] || 'https://example.com/media',
    });
  }
  const n = variableCount(parts.body?.text);
  for (let k = 0; k < n; k++)
    out.push({ key: `${prefix}body.${k + 1}`, kind: 'text', label: `${where}Body {{${k + 1}}}`, example: sample(parts.body?.examples, k) });
  parts.buttons.forEach((b, k) => {
    const t = buttonType(b);
    if (t === 'URL' && variablesIn(b.url).length)
      out.push({ key: `${prefix}button.${k}`, kind: 'url', label: `${where}Button ${k + 1} URL suffix`, example: sample(b.examples, 0) });
    else if (t === 'COPY_CODE' || t === 'OTP')
      out.push({ key: `${prefix}button.${k}`, kind: 'coupon', label: `${where}Button ${k + 1} code`, example: sample(b.examples, 0) });
  });
  if (top) parts.cards.forEach((card, c) => out.push(...partSlots(card.components as TemplateComponent[], `card.${c}.`, `Card ${c + 1} · `, false)));
  return out;
}

/** The template's own sample values, key → value: what the designer's Code tab sends. */
export function sampleValues(t: Template): Record<string, string> {
  return Object.fromEntries(templateSlots(t).map((s) => [s.key, s.example]));
}

/** "1.28,103.84[,name[,address]]" → a location parameter, or null when it is not one. */
export function parseLocationValue(value: string): { latitude: string; longitude: string; name?: string; address?: string } | null {
  const [lat, long, name, ...address] = value.split(',').map((s) => s.trim());
  const isCoordinate = (s: string | undefined, max: number) => !!s && /^-?\d{1,3}(\.\d+)?$/.test(s) && Math.abs(Number(s)) <= max;
  if (!isCoordinate(lat, 90) || !isCoordinate(long, 180)) return null;
  return { latitude: lat!, longitude: long!, ...(name ? { name } : {}), ...(address.length ? { address: address.join(', ') } : {}) };
}

type SendComponent = Record<string, unknown>;

/**
 * The send payload's `components` for the template with these values (key → value, as templateSlots
 * names them): what checkSendParameters and the renderer take. A missing value is sent empty, so the
 * send checks name it.
 */
export function fillTemplateComponents(t: Template, values: Record<string, string | undefined>): SendComponent[] {
  return fillPart(t.components as TemplateComponent[], '', values, true);
}

function fillPart(components: TemplateComponent[], prefix: string, values: Record<string, string | undefined>, top: boolean): SendComponent[] {
  const parts = templateParts(components);
  const value = (key: string) => values[`${prefix}${key}`] ?? '';
  const out: SendComponent[] = [];
  const format = headerFormat(parts.header);
  if (format === 'TEXT' && variableCount(parts.header?.text)) {
    out.push({ type: 'header', parameters: [{ type: 'text', text: value('header') }] });
  } else if (format === 'LOCATION') {
    const location = parseLocationValue(value('header'));
    out.push({ type: 'header', parameters: [{ type: 'location', location: location ?? { latitude: '', longitude: '' } }] });
  } else if (format && format !== 'TEXT') {
    out.push({ type: 'header', parameters: [{ type: format.toLowerCase(), url: value('header') }] });
  }
  const n = variableCount(parts.body?.text);
  if (n) out.push({ type: 'body', parameters: Array.from({ length: n }, (_, k) => ({ type: 'text', text: value(`body.${k + 1}`) })) });
  parts.buttons.forEach((b, k) => {
    const t = buttonType(b);
    if (t === 'URL' && variablesIn(b.url).length)
      out.push({ type: 'button', index: String(k), subType: 'url', parameters: [{ type: 'text', text: value(`button.${k}`) }] });
    else if (t === 'COPY_CODE' || t === 'OTP')
      out.push({ type: 'button', index: String(k), subType: 'copyCode', parameters: [{ type: 'couponCode', couponCode: value(`button.${k}`) }] });
  });
  if (top && parts.cards.length)
    out.push({
      type: 'carousel',
      cards: parts.cards.map((card, c) => ({ cardIndex: c, components: fillPart(card.components as TemplateComponent[], `card.${c}.`, values, false) })),
    });
  return out;
}
