import type { StoredTemplate } from '@/lib/templates/stored-template';
import type { ButtonType, HeaderFormat, TemplateDraft } from '@/lib/templates/template-schema';
import { buttonType, headerFormat, templateParts, type TemplateParts } from '@/lib/templates/template-parts';
import { fillVariables, normalizeButtonUrl } from '@/lib/templates/template-variables';
import {
  paramCoupon,
  paramLocation,
  paramText,
  paramUrl,
  sendTemplateSchema,
  type SendComponent,
  type SendLocation,
} from '@/lib/templates/send-template-schema';

export type RenderedHeader = { format: HeaderFormat; text?: string; mediaUrl?: string; location?: SendLocation };
export type RenderedButton = { type: ButtonType; text: string; url?: string; phoneNumber?: string; code?: string };
export type RenderedCard = { header?: RenderedHeader; body: string; buttons: RenderedButton[] };
/** What the customer sees on the phone. */
export type RenderedTemplate = {
  name?: string;
  language?: string;
  category?: string;
  header?: RenderedHeader;
  body: string;
  footer?: string;
  buttons: RenderedButton[];
  cards: RenderedCard[];
};

type Mode = { send: boolean; raw: boolean };

/**
 * Fills a template with a send's parameters (or, without a send, with its sample values; with
 * `showRaw`, leaves {{n}} as written). Never throws: a draft in the designer may be half-written
 * and a logged send may be malformed; whatever is missing stays as the raw {{n}}.
 */
export function renderTemplate(template: StoredTemplate | TemplateDraft, sendTemplate?: unknown, opts: { showRaw?: boolean } = {}): RenderedTemplate {
  const parsed = sendTemplate === undefined ? undefined : sendTemplateSchema.safeParse(sendTemplate);
  const sent = parsed?.success ? (parsed.data.components ?? []) : [];
  const mode: Mode = { send: sendTemplate !== undefined, raw: !!opts.showRaw };
  const parts = templateParts(template.components);
  const main = renderParts(parts, sent, mode);
  const carousel = sent.find((c) => c.type === 'carousel');
  const cards = parts.cards.map((card, k) => {
    const sentCard = carousel?.cards?.find((c, i) => (c.cardIndex ?? c.card_index ?? i) === k);
    const r = renderParts(templateParts(card.components), sentCard?.components ?? [], mode);
    return { header: r.header, body: r.body, buttons: r.buttons };
  });
  return {
    name: template.name,
    language: template.language,
    category: template.category,
    ...main,
    cards,
  };
}

function renderParts(parts: TemplateParts, sent: SendComponent[], mode: Mode): Omit<RenderedTemplate, 'cards'> {
  const values = (component: SendComponent | undefined, examples: string[] | undefined) => {
    if (mode.raw) return [];
    if (mode.send) return (component?.parameters ?? []).map(paramText);
    // A sample not written yet shows as the raw {{n}} rather than vanishing from the sentence.
    return (examples ?? []).map((e) => (e.trim() ? e : undefined));
  };
  const body = sent.find((c) => c.type === 'body');
  const header = sent.find((c) => c.type === 'header');
  const out: Omit<RenderedTemplate, 'cards'> = {
    body: fillVariables(parts.body?.text ?? '', values(body, parts.body?.examples)),
    footer: parts.footer || undefined,
    buttons: [],
  };

  const format = headerFormat(parts.header) as HeaderFormat | undefined;
  if (format && parts.header) {
    if (format === 'TEXT') out.header = { format, text: fillVariables(parts.header.text ?? '', values(header, parts.header.examples)) };
    else if (format === 'LOCATION') out.header = { format, location: paramLocation(header?.parameters?.[0]) };
    else out.header = { format, mediaUrl: (mode.send && paramUrl(header?.parameters?.[0])) || parts.header.examples?.[0] || undefined };
  }

  out.buttons = parts.buttons.map((b, k) => {
    const t = buttonType(b) as ButtonType;
    const param = sent.find((c) => (c.type === 'button' || c.type === 'buttons') && c.index === k)?.parameters?.[0];
    if (t === 'URL') {
      const suffix = mode.raw ? undefined : mode.send ? paramText(param) : b.examples?.[0]?.trim() || undefined;
      return { type: t, text: b.text ?? '', url: fillVariables(normalizeButtonUrl(b.url ?? ''), [suffix]) };
    }
    if (t === 'PHONE_NUMBER') return { type: t, text: b.text ?? '', phoneNumber: b.phone_number };
    if (t === 'COPY_CODE' || t === 'OTP') {
      const code = mode.raw ? '{{1}}' : mode.send ? paramCoupon(param) : b.examples?.[0];
      const label = b.text || (b.otp_type === 'ONE_TAP' || b.otp_type === 'ZERO_TAP' ? 'Autofill' : 'Copy code');
      return { type: t, text: label, code };
    }
    return { type: t, text: b.text ?? '' };
  });
  return out;
}
