import { ValidationError, issuesFromZod, type Issue } from '@/lib/errors';
import type { StoredTemplate } from '@/lib/templates/stored-template';
import { buttonType, headerFormat, templateParts, type TemplateParts } from '@/lib/templates/template-parts';
import { fillVariables, normalizeButtonUrl, variableCount, variablesIn } from '@/lib/templates/template-variables';
import { LIMITS } from '@/lib/templates/template-rules';
import {
  normalizeSubType,
  paramCoupon,
  paramLocation,
  paramText,
  paramUrl,
  sendTemplateSchema,
  type SendComponent,
  type SendTopComponent,
} from '@/lib/templates/send-template-schema';

const ROOT = 'content.template';
const MEDIA = ['IMAGE', 'VIDEO', 'DOCUMENT'];
const SUBTYPE: Record<string, string[]> = { URL: ['url'], COPY_CODE: ['copycode'], QUICK_REPLY: ['quickreply'], OTP: ['url', 'copycode', 'otp'] };

/**
 * Checks a send's `content.template` against the approved template: every variable gets a value,
 * media headers get their media, URL buttons their suffix, copy-code buttons their code, carousel
 * cards match. Throws 1005 for a malformed structure, 3040 when the template needs parameters and
 * none were sent at all, 3041 for anything else that does not fit, naming the component.
 */
export function checkSendParameters(template: StoredTemplate, sendTemplate: unknown): void {
  const parsed = sendTemplateSchema.safeParse(sendTemplate ?? {});
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error).map((i) => ({ ...i, path: i.path ? `${ROOT}.${i.path}` : ROOT }));
    throw new ValidationError(`Invalid parameter(s): ${[...new Set(issues.map((i) => `'${i.path}'`))].join(', ')}`, issues);
  }
  const sent = parsed.data.components ?? [];
  const parts = templateParts(template.components);
  const unknown = sent.findIndex((c) => !['body', 'header', 'button', 'buttons', 'carousel'].includes(c.type));
  if (unknown >= 0)
    throw new ValidationError(`Invalid parameter(s): '${ROOT}.components.${unknown}.type'`, [
      { path: `${ROOT}.components.${unknown}.type`, message: `Unknown component type '${sent[unknown].type}': use body, header, button or carousel` },
    ]);

  const needs = describeNeeds(parts);
  const sentCount = sent.reduce(
    (n, c) =>
      n + (c.parameters?.length ?? 0) + (c.cards ?? []).reduce((m, card) => m + card.components.reduce((k, x) => k + (x.parameters?.length ?? 0), 0), 0),
    0,
  );
  if (needs.length && sentCount === 0)
    throw new ValidationError(
      `Empty template parameters: template '${template.name}' needs ${needs.join(', ')}, but no parameters were sent`,
      [{ path: `${ROOT}.components`, message: `Send parameters for ${needs.join(', ')}` }],
      3040,
    );

  const issues: Issue[] = [];
  checkParts(parts, sent, `${ROOT}.components`, '', issues, LIMITS.bodyText);

  const carouselAt = sent.findIndex((c) => c.type === 'carousel');
  const carousel = sent[carouselAt];
  if (parts.cards.length && !carousel)
    issues.push({
      path: `${ROOT}.components`,
      message: `The carousel needs its ${parts.cards.length} cards: send a carousel component with a header image for each card`,
    });
  if (!parts.cards.length && carousel)
    issues.push({ path: `${ROOT}.components.${carouselAt}`, message: 'This template has no carousel, but carousel cards were sent' });
  if (parts.cards.length && carousel) {
    const cards = carousel.cards ?? [];
    const at = `${ROOT}.components.${carouselAt}.cards`;
    if (cards.length !== parts.cards.length) issues.push({ path: at, message: `The carousel has ${parts.cards.length} cards, but ${cards.length} were sent` });
    const seen = new Set<number>();
    cards.forEach((card, k) => {
      const idx = card.cardIndex ?? card.card_index ?? k;
      if (seen.has(idx)) issues.push({ path: `${at}.${k}.cardIndex`, message: `Card ${idx} was sent twice` });
      seen.add(idx);
      const tcard = parts.cards[idx];
      if (!tcard)
        return issues.push({ path: `${at}.${k}.cardIndex`, message: `There is no card ${idx}: the carousel has cards 0 to ${parts.cards.length - 1}` });
      checkParts(templateParts(tcard.components), card.components, `${at}.${k}.components`, `card ${idx} `, issues, LIMITS.cardBodyText);
    });
  }

  if (issues.length) {
    throw new ValidationError(`Invalid template parameter: ${issues[0].message}`, issues, 3041);
  }
}

/** "the body's 2 variables", "the image header", ... for the 3040 message. */
function describeNeeds(parts: TemplateParts): string[] {
  const out: string[] = [];
  const n = variableCount(parts.body?.text);
  if (n) out.push(`${n} body parameter${n > 1 ? 's' : ''}`);
  const f = headerFormat(parts.header);
  if (f === 'TEXT' && variableCount(parts.header?.text)) out.push('the header text parameter');
  if (f && f !== 'TEXT') out.push(`the ${f.toLowerCase()} header`);
  parts.buttons.forEach((b, i) => {
    if (buttonNeedsParameter(b)) out.push(`button ${i} (${buttonType(b) === 'URL' ? 'URL suffix' : 'code'})`);
  });
  if (parts.cards.length) out.push(`the ${parts.cards.length} carousel cards`);
  return out;
}

function buttonNeedsParameter(b: TemplateParts['buttons'][number]): boolean {
  const t = buttonType(b);
  return (t === 'URL' && variablesIn(b.url).length > 0) || t === 'COPY_CODE' || t === 'OTP';
}

// WhatsApp refuses a message whose text, once the values are filled in, is over the component's limit.
const chars = (text: string) => [...text].length;

function checkParts(parts: TemplateParts, sent: (SendComponent | SendTopComponent)[], at: string, where: string, issues: Issue[], bodyLimit: number) {
  const push = (i: number | null, message: string) => issues.push({ path: i === null ? at : `${at}.${i}.parameters`, message });

  // Body: exactly one text value per distinct variable.
  const bodyAt = sent.findIndex((c) => c.type === 'body');
  const expected = variableCount(parts.body?.text);
  const body = sent[bodyAt];
  const got = body?.parameters ?? [];
  if (sent.filter((c) => c.type === 'body').length > 1) push(bodyAt, `The ${where}body was sent twice`);
  if (got.length !== expected) {
    const vars = Array.from({ length: expected }, (_, k) => `{{${k + 1}}}`).join(', ');
    push(
      body ? bodyAt : null,
      expected
        ? `The ${where}body expects ${expected} parameter${expected > 1 ? 's' : ''} (${vars}), but ${got.length} ${got.length === 1 ? 'was' : 'were'} sent`
        : `The ${where}body has no variables, but ${got.length} parameter${got.length > 1 ? 's were' : ' was'} sent`,
    );
  } else {
    const before = issues.length;
    got.forEach((p, k) => {
      if (!['text', 'currency', 'date_time'].includes(p.type.toLowerCase()) || !paramText(p)?.trim())
        issues.push({
          path: `${at}.${bodyAt}.parameters.${k}`,
          message: cap(`${where}body parameter ${k + 1} ({{${k + 1}}}) must be {"type":"text","text":"..."} with a value`),
        });
    });
    const length = expected && issues.length === before ? chars(fillVariables(parts.body?.text ?? '', got.map(paramText))) : 0;
    if (length > bodyLimit) push(bodyAt, `With these parameters the ${where}body is ${length} characters long; WhatsApp allows at most ${bodyLimit}`);
  }

  // Header: text variable, media or location.
  const headerAt = sent.findIndex((c) => c.type === 'header');
  const hp = sent[headerAt]?.parameters ?? [];
  const format = headerFormat(parts.header);
  const headerVars = format === 'TEXT' ? variableCount(parts.header?.text) : 0;
  if (!format || (format === 'TEXT' && !headerVars)) {
    if (hp.length) push(headerAt, `The ${where}header has no variables, but header parameters were sent`);
  } else if (format === 'TEXT') {
    if (hp.length !== 1 || hp[0].type.toLowerCase() !== 'text' || !paramText(hp[0])?.trim())
      push(headerAt >= 0 ? headerAt : null, `The ${where}header text needs one parameter {"type":"text","text":"..."} for {{1}}`);
    else if (chars(fillVariables(parts.header?.text ?? '', [paramText(hp[0])])) > LIMITS.headerText)
      push(headerAt, `With this parameter the ${where}header is longer than ${LIMITS.headerText} characters, the most WhatsApp allows`);
  } else if (MEDIA.includes(format)) {
    const kind = format.toLowerCase();
    const url = paramUrl(hp[0]);
    if (hp.length !== 1 || hp[0].type.toLowerCase() !== kind || !url || !/^https?:\/\//i.test(url))
      push(headerAt >= 0 ? headerAt : null, `The ${where}${kind} header needs its media: send a header component with {"type":"${kind}","url":"https://..."}`);
  } else if (format === 'LOCATION') {
    if (hp.length !== 1 || hp[0].type.toLowerCase() !== 'location' || !paramLocation(hp[0]))
      push(headerAt >= 0 ? headerAt : null, `The ${where}location header needs {"type":"location","location":{"latitude":...,"longitude":...}}`);
  }

  // Buttons, addressed by their index in the template.
  const seen = new Set<number>();
  sent.forEach((c, i) => {
    if (c.type !== 'button' && c.type !== 'buttons') return;
    if (c.index === undefined) return push(i, `A ${where}button component needs the index of the button it fills, e.g. "index": "0"`);
    const b = parts.buttons[c.index];
    const label = b?.text ? ` ('${b.text}')` : '';
    if (seen.has(c.index)) return push(i, `The ${where}button ${c.index} was sent twice`);
    seen.add(c.index);
    if (!b) return push(i, `There is no ${where}button ${c.index}: the template has ${parts.buttons.length} button${parts.buttons.length === 1 ? '' : 's'}`);
    const t = buttonType(b);
    const sub = normalizeSubType(c);
    if (sub && !SUBTYPE[t]?.includes(sub)) return push(i, `The ${where}button ${c.index}${label} is a ${t} button, not subType '${c.subType ?? c.sub_type}'`);
    const ps = c.parameters ?? [];
    if (t === 'URL') {
      const dynamic = variablesIn(b.url).length > 0;
      if (!dynamic && ps.length) push(i, `The ${where}URL button ${c.index}${label} has a fixed address and takes no parameters`);
      if (dynamic && (ps.length !== 1 || !paramText(ps[0])?.trim()))
        push(i, `The ${where}URL button ${c.index}${label} needs the end of its address: one {"type":"text","text":"..."} parameter`);
      // The suffix had no limit, so a 100,000-character one was accepted and sent; WhatsApp caps the address.
      else if (dynamic && chars(fillVariables(normalizeButtonUrl(b.url ?? ''), [paramText(ps[0])])) > LIMITS.buttonUrl)
        push(
          i,
          `With this parameter the ${where}URL button ${c.index}${label} address is longer than ${LIMITS.buttonUrl} characters, the most WhatsApp allows`,
        );
    } else if (t === 'COPY_CODE' || t === 'OTP') {
      const code = paramCoupon(ps[0]);
      if (ps.length !== 1 || !code?.trim()) push(i, `The ${where}copy-code button ${c.index} needs the code: {"type":"couponCode","couponCode":"..."}`);
      else if (t === 'COPY_CODE' && code.length > 15) push(i, `The ${where}copy-code button ${c.index} code can be at most 15 characters`);
    } else if (t === 'QUICK_REPLY') {
      if (ps.length > 1 || ps.some((p) => !['payload', 'text'].includes(p.type.toLowerCase())))
        push(i, `The ${where}quick-reply button ${c.index}${label} takes at most one {"type":"payload","payload":"..."} parameter`);
    } else if (ps.length) push(i, `The ${where}${t} button ${c.index}${label} takes no parameters`);
  });
  parts.buttons.forEach((b, k) => {
    if (!seen.has(k) && buttonNeedsParameter(b)) {
      const what =
        buttonType(b) === 'URL' ? `URL button ${k}${b.text ? ` ('${b.text}')` : ''} needs the end of its address` : `copy-code button ${k} needs the code`;
      push(null, `The ${where}${what}: send a button component with "index": "${k}"`);
    }
  });
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
