import type { ButtonsComponent, ButtonType, CarouselComponent, TemplateButton, TemplateCategory, TemplateComponent } from '@/lib/templates/template-components';
import { isHttpUrl, malformedVariables, normalizeButtonUrl, variablesIn } from '@/lib/templates/template-variables';

/** WhatsApp's published limits for template components. */
export const LIMITS = {
  headerText: 60,
  bodyText: 1024,
  cardBodyText: 160,
  footerText: 60,
  buttonText: 25,
  buttonUrl: 2000,
  phoneNumber: 20,
  couponCode: 15,
  buttons: 10,
  urlButtons: 2,
  phoneButtons: 1,
  copyCodeButtons: 1,
  cardsMin: 2,
  cardsMax: 10,
  cardButtons: 2,
} as const;

/**
 * The button kinds each category allows, and a carousel card's: what the designer offers. The checks
 * below are the rule; template-rules.test.ts holds these lists to them kind by kind.
 */
export const BUTTON_KINDS: Record<TemplateCategory, ButtonType[]> = {
  MARKETING: ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE'],
  UTILITY: ['QUICK_REPLY', 'URL', 'PHONE_NUMBER'],
  AUTHENTICATION: ['COPY_CODE', 'OTP'],
};
export const CARD_BUTTON_KINDS: ButtonType[] = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER'];

export type RuleIssue = { path: (string | number)[]; message: string };
type Input = { category: TemplateCategory; components: TemplateComponent[] };

/** Every WhatsApp rule a template breaks, each with the path of the field and a plain sentence. */
export function checkTemplateRules(t: Input): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const seen = new Map<string, number>();

  t.components.forEach((c, i) => {
    if (seen.has(c.type)) add(['components', i, 'type'], `A template can have only one ${c.type} component`);
    seen.set(c.type, i);
  });
  if (!seen.has('BODY')) add(['components'], 'Every template needs a BODY with the message text');

  const carousel = seen.has('CAROUSEL');
  t.components.forEach((c, i) => {
    const at = ['components', i];
    if (c.type === 'HEADER') {
      if (carousel) add([...at, 'type'], 'A carousel template has no header of its own: put an image or video on each card instead');
      if (t.category === 'AUTHENTICATION') add([...at, 'type'], 'Authentication templates cannot have a header');
      checkHeader(c, at, add);
    } else if (c.type === 'BODY') {
      checkText(c.text, c.examples, [...at], LIMITS.bodyText, 'message body', add);
      if (t.category === 'AUTHENTICATION' && new Set(variablesIn(c.text)).size !== 1)
        add([...at, 'text'], 'An authentication template body holds exactly one variable, {{1}}, for the code');
    } else if (c.type === 'FOOTER') {
      if (carousel) add([...at, 'type'], 'A carousel template has no footer');
      if (!c.text.trim()) add([...at, 'text'], 'Write the footer text or remove the footer');
      if (c.text.length > LIMITS.footerText) add([...at, 'text'], `The footer can be at most ${LIMITS.footerText} characters (it has ${c.text.length})`);
      if (variablesIn(c.text).length || malformedVariables(c.text).length) add([...at, 'text'], 'The footer cannot contain variables');
    } else if (c.type === 'BUTTONS') {
      if (carousel) add([...at, 'type'], 'A carousel template has no buttons of its own: add buttons to each card instead');
      checkButtons(c, at, t.category, add);
    } else if (c.type === 'CAROUSEL') {
      if (t.category !== 'MARKETING') add([...at, 'type'], 'Carousels are only allowed in MARKETING templates');
      checkCarousel(c, at, add);
    }
  });
  return issues;
}

type Add = (path: (string | number)[], message: string) => void;

function checkHeader(c: Extract<TemplateComponent, { type: 'HEADER' }>, at: (string | number)[], add: Add) {
  if (c.format === 'TEXT') {
    const text = c.text ?? '';
    if (!text.trim()) return add([...at, 'text'], 'Write the header text, or choose another header format');
    if (text.length > LIMITS.headerText) add([...at, 'text'], `The header can be at most ${LIMITS.headerText} characters (it has ${text.length})`);
    if (/[\n\r]/.test(text)) add([...at, 'text'], 'The header must be a single line');
    const vars = variablesIn(text);
    if (vars.length > 1) add([...at, 'text'], 'A text header can contain at most one variable, {{1}}');
    else if (vars.length === 1 && vars[0] !== 1) add([...at, 'text'], 'The header variable must be {{1}}');
    if (malformedVariables(text).length) add([...at, 'text'], `Write variables as {{1}}: "${malformedVariables(text)[0]}" is not a valid variable`);
    if (vars.length && !c.examples?.[0]?.trim()) add([...at, 'examples'], 'Give a sample value for the header variable {{1}} so WhatsApp can review it');
    if (!vars.length && c.examples?.length) add([...at, 'examples'], 'The header has no variable, so it needs no sample values');
  } else if (c.format === 'LOCATION') {
    if (c.text) add([...at, 'text'], 'A location header has no text: the location is chosen when sending');
  } else {
    const kind = c.format.toLowerCase();
    if (c.text) add([...at, 'text'], `A ${kind} header has no text`);
    const url = c.examples?.[0]?.trim();
    if (!url) add([...at, 'examples'], `Give a sample ${kind} URL so WhatsApp can review the header`);
    else if (!isHttpUrl(url)) add([...at, 'examples', 0], `The sample ${kind} must be a link starting with https://`);
  }
}

/** Body-style text: length, variables numbered {{1}}..{{n}} without gaps, not at the edges, one example each. */
function checkText(text: string, examples: string[] | undefined, at: (string | number)[], max: number, what: string, add: Add) {
  if (!text.trim()) return add([...at, 'text'], `Write the ${what} text`);
  if (text.length > max) add([...at, 'text'], `The ${what} can be at most ${max} characters (it has ${text.length})`);
  const bad = malformedVariables(text);
  if (bad.length) add([...at, 'text'], `Write variables as {{1}}, {{2}}…: "${bad[0]}" is not a valid variable`);
  const vars = variablesIn(text);
  const distinct = [...new Set(vars)].sort((a, b) => a - b);
  const missing = distinct.length ? Array.from({ length: distinct.at(-1)! }, (_, k) => k + 1).filter((n) => !distinct.includes(n)) : [];
  if (missing.length) add([...at, 'text'], `Number the variables in order from {{1}}: {{${missing[0]}}} is missing`);
  if (/^\s*\{\{\s*\d+\s*\}\}/.test(text)) add([...at, 'text'], `The ${what} cannot start with a variable: add some words before it`);
  if (/\{\{\s*\d+\s*\}\}\s*$/.test(text)) add([...at, 'text'], `The ${what} cannot end with a variable: add some words or punctuation after it`);
  if (/\{\{\s*\d+\s*\}\}\s*\{\{\s*\d+\s*\}\}/.test(text)) add([...at, 'text'], 'Two variables cannot sit next to each other: put some text between them');
  const needed = distinct.length ? distinct.at(-1)! : 0;
  const given = examples ?? [];
  if (needed && given.length < needed) add([...at, 'examples'], `Give a sample value for every variable: ${needed} needed, ${given.length} given`);
  if (!needed && given.length) add([...at, 'examples'], `The ${what} has no variables, so it needs no sample values`);
  if (needed && given.length > needed) add([...at, 'examples'], `There are more sample values (${given.length}) than variables (${needed})`);
  given.forEach((e, k) => {
    if (!e.trim()) add([...at, 'examples', k], `Give a sample value for {{${k + 1}}}`);
  });
}

function checkButtons(c: ButtonsComponent, at: (string | number)[], category: TemplateCategory, add: Add) {
  const buttons = c.buttons;
  if (!buttons.length) return add([...at, 'buttons'], 'Add at least one button or remove the buttons component');
  if (buttons.length > LIMITS.buttons) add([...at, 'buttons'], `A template can have at most ${LIMITS.buttons} buttons`);
  const count = (type: string) => buttons.filter((b) => b.type === type).length;
  if (count('URL') > LIMITS.urlButtons) add([...at, 'buttons'], `A template can have at most ${LIMITS.urlButtons} website (URL) buttons`);
  if (count('PHONE_NUMBER') > LIMITS.phoneButtons) add([...at, 'buttons'], 'A template can have only one call (PHONE_NUMBER) button');
  if (count('COPY_CODE') + count('OTP') > LIMITS.copyCodeButtons) add([...at, 'buttons'], 'A template can have only one copy-code button');
  // WhatsApp shows quick replies and call-to-action buttons as two groups: they cannot be interleaved.
  const kinds = buttons.map((b) => (b.type === 'QUICK_REPLY' ? 'Q' : 'C')).join('');
  if (/Q+C+Q|C+Q+C/.test(kinds)) add([...at, 'buttons'], 'Keep the quick-reply buttons together, before or after the other buttons');
  if (category === 'AUTHENTICATION') {
    if (buttons.some((b) => b.type !== 'COPY_CODE' && b.type !== 'OTP'))
      add([...at, 'buttons'], 'An authentication template can only have a copy-code (or one-tap) button for the code');
  }
  buttons.forEach((b, k) => checkButton(b, [...at, 'buttons', k], category, add));
}

function checkButton(b: TemplateButton, at: (string | number)[], category: TemplateCategory, add: Add) {
  const label = b.text ?? '';
  const needsText = b.type !== 'COPY_CODE' && b.type !== 'OTP';
  if (needsText && !label.trim()) add([...at, 'text'], 'Write the button label');
  if (label.length > LIMITS.buttonText) add([...at, 'text'], `A button label can be at most ${LIMITS.buttonText} characters (it has ${label.length})`);
  if (variablesIn(label).length) add([...at, 'text'], 'A button label cannot contain variables');
  if (b.type === 'URL') {
    const raw = b.url ?? '';
    const url = normalizeButtonUrl(raw);
    if (!url) return add([...at, 'url'], 'Give the website address the button opens');
    if (!isHttpUrl(url.replace(/\{\{\s*\d+\s*\}\}/g, 'x'))) add([...at, 'url'], 'The website address must start with https://');
    if (url.length > LIMITS.buttonUrl) add([...at, 'url'], `The website address can be at most ${LIMITS.buttonUrl} characters`);
    const vars = variablesIn(url);
    if (vars.length > 1) add([...at, 'url'], 'A website button can have only one variable, {{1}}, at the end of the address');
    else if (vars.length === 1 && (vars[0] !== 1 || !/\{\{\s*1\s*\}\}$/.test(url)))
      add([...at, 'url'], 'The website variable must be {{1}} at the very end of the address, e.g. https://example.com/track/{{1}}');
    if (vars.length && !b.examples?.[0]?.trim()) add([...at, 'examples'], 'Give a sample value for the end of the address ({{1}})');
  } else if (b.type === 'PHONE_NUMBER') {
    const phone = b.phone_number?.trim() ?? '';
    if (!phone) add([...at, 'phone_number'], 'Give the phone number the button calls, with country code, e.g. +15551234567');
    else if (!/^\+?[1-9]\d{6,18}$/.test(phone.replace(/[\s-]/g, '')) || phone.length > LIMITS.phoneNumber)
      add([...at, 'phone_number'], 'Write the phone number with its country code, digits only, e.g. +15551234567');
  } else if (b.type === 'COPY_CODE') {
    if (category === 'UTILITY') add([...at, 'type'], 'Copy-code buttons are for MARKETING coupons or AUTHENTICATION codes, not UTILITY templates');
    const code = b.examples?.[0]?.trim();
    if (!code) add([...at, 'examples'], 'Give a sample code for the copy-code button');
    else if (code.length > LIMITS.couponCode) add([...at, 'examples', 0], `A copy-code sample can be at most ${LIMITS.couponCode} characters`);
  } else if (b.type === 'OTP') {
    if (category !== 'AUTHENTICATION') add([...at, 'type'], 'One-time-password buttons are only allowed in AUTHENTICATION templates');
    if (!b.otp_type) add([...at, 'otp_type'], 'Choose the one-time-password button kind: COPY_CODE, ONE_TAP or ZERO_TAP');
    if ((b.otp_type === 'ONE_TAP' || b.otp_type === 'ZERO_TAP') && (!b.package_name || !b.signature_hash))
      add([...at, 'package_name'], 'A one-tap button needs your Android app package name and signature hash');
  }
}

function checkCarousel(c: CarouselComponent, at: (string | number)[], add: Add) {
  const cards = c.cards;
  if (cards.length < LIMITS.cardsMin || cards.length > LIMITS.cardsMax)
    add([...at, 'cards'], `A carousel has between ${LIMITS.cardsMin} and ${LIMITS.cardsMax} cards (this one has ${cards.length})`);
  const shapes: string[] = [];
  cards.forEach((card, k) => {
    const cat = [...at, 'cards', k, 'components'];
    const find = <T extends string>(type: T) => card.components.findIndex((x) => x.type === type);
    const h = find('HEADER');
    const b = find('BODY');
    const bt = find('BUTTONS');
    card.components.forEach((x, j) => {
      if (card.components.findIndex((y) => y.type === x.type) !== j) add([...cat, j, 'type'], `Card ${k + 1} can have only one ${x.type}`);
    });
    let shape = '';
    if (h < 0) add(cat, `Card ${k + 1} needs an image or video header`);
    else {
      const header = card.components[h] as Extract<TemplateComponent, { type: 'HEADER' }>;
      if (header.format !== 'IMAGE' && header.format !== 'VIDEO') add([...cat, h, 'format'], `Card ${k + 1} header must be an IMAGE or a VIDEO`);
      else checkHeader(header, [...cat, h], add);
      shape += header.format;
    }
    if (b < 0) add(cat, `Card ${k + 1} needs body text`);
    else {
      const body = card.components[b] as Extract<TemplateComponent, { type: 'BODY' }>;
      checkText(body.text, body.examples, [...cat, b], LIMITS.cardBodyText, `card ${k + 1} text`, add);
    }
    if (bt < 0) add(cat, `Card ${k + 1} needs at least one button`);
    else {
      const buttons = (card.components[bt] as ButtonsComponent).buttons;
      if (!buttons.length || buttons.length > LIMITS.cardButtons)
        add([...cat, bt, 'buttons'], `Each card has one or two buttons (card ${k + 1} has ${buttons.length})`);
      buttons.forEach((btn, j) => {
        if (btn.type !== 'QUICK_REPLY' && btn.type !== 'URL' && btn.type !== 'PHONE_NUMBER')
          add([...cat, bt, 'buttons', j, 'type'], 'Card buttons can be quick replies, website links or phone numbers');
        else checkButton(btn, [...cat, bt, 'buttons', j], 'MARKETING', add);
      });
      shape += `|${buttons.map((x) => x.type).join(',')}`;
    }
    shapes.push(shape);
  });
  // WhatsApp requires every card to have the same header format and the same buttons in the same order.
  shapes.forEach((s, k) => {
    if (k > 0 && s !== shapes[0]) add([...at, 'cards', k], `Card ${k + 1} must match card 1: same header format and the same buttons in the same order`);
  });
}
