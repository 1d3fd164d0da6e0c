import type { StoredTemplate } from '@/lib/templates/stored-template';
import { templateParts } from '@/lib/templates/template-parts';
import type { TemplateCategory } from '@/lib/templates/template-schema';
import { variableCount } from '@/lib/templates/template-variables';

/** APPROVED with `category` when the reviewer approved the template under another category. */
export type ReviewDecision = { status: 'APPROVED'; category?: TemplateCategory } | { status: 'REJECTED'; reason: string };

/**
 * The sandbox stands in for Meta's review. It approves everything except these documented,
 * deterministic triggers, so each outcome can be tried on purpose (lib/templates/README.md):
 * 1. The name contains "reject" (e.g. promo_reject_test) → REJECTED, INVALID_FORMAT.
 * 2. An AUTHENTICATION template with marketing wording → REJECTED, INCORRECT_CATEGORY: the category is
 *    for one-time passcodes only, so the template is wrong as written; moving it would send a passcode
 *    as marketing.
 * 3. A link shortener in the text (bit.ly, tinyurl.com, goo.gl, t.co) → REJECTED, INVALID_FORMAT.
 * 4. Too many variables for the length: fewer than two words of fixed text per body variable →
 *    REJECTED, INVALID_FORMAT (Meta rejects templates that are mostly placeholders).
 * 5. A UTILITY template with marketing wording that passed 1–4 → APPROVED as MARKETING. The reference
 *    docs: template_category_update "fires if Meta automatically changes your template's category
 *    (e.g., from UTILITY to MARKETING)". Every valid UTILITY template is a valid MARKETING one (MARKETING
 *    only allows more: coupon codes, carousels), so the move never makes a template invalid.
 * Marketing wording: sale, discount, % off, offer, promo, coupon, deal, free shipping, limited time,
 * shop now, buy one get one.
 */
export const MARKETING_WORDS = /\b(sale|discounts?|\d+\s?% off|offers?|promo(tion)?s?|coupons?|deals?|free shipping|limited time|shop now|buy one get one)\b/i;
const SHORTENERS = /\b(bit\.ly|tinyurl\.com|goo\.gl|t\.co)\//i;

export function sandboxReviewDecision(t: Pick<StoredTemplate, 'name' | 'category' | 'components'>): ReviewDecision {
  if (/reject/i.test(t.name)) return { status: 'REJECTED', reason: 'INVALID_FORMAT' };
  const texts = allTexts(t.components);
  const promotional = texts.some((s) => MARKETING_WORDS.test(s));
  if (t.category === 'AUTHENTICATION' && promotional) return { status: 'REJECTED', reason: 'INCORRECT_CATEGORY' };
  if (texts.some((s) => SHORTENERS.test(s))) return { status: 'REJECTED', reason: 'INVALID_FORMAT' };
  const body = templateParts(t.components).body?.text ?? '';
  const vars = variableCount(body);
  const words = body
    .replace(/\{\{\s*\d+\s*\}\}/g, ' ')
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
  if (vars && words < vars * 2) return { status: 'REJECTED', reason: 'INVALID_FORMAT' };
  if (t.category === 'UTILITY' && promotional) return { status: 'APPROVED', category: 'MARKETING' };
  return { status: 'APPROVED' };
}

function allTexts(components: StoredTemplate['components']): string[] {
  const out: string[] = [];
  const walk = (list: StoredTemplate['components'] | undefined) => {
    const parts = templateParts(list);
    for (const s of [parts.header?.text, parts.body?.text, parts.footer, ...parts.buttons.map((b) => b.text)]) if (s) out.push(s);
    parts.buttons.forEach((b) => b.url && out.push(b.url));
    parts.cards.forEach((c) => walk(c.components as StoredTemplate['components']));
  };
  walk(components);
  return out;
}

/** What each status reason means for the person who wrote the template, and what to do about it. */
export const REASON_HELP: Record<string, string> = {
  INCORRECT_CATEGORY:
    'The content reads as marketing (offers, sales, coupons) but the category is AUTHENTICATION, which may only carry a one-time passcode. Resubmit it as MARKETING, or remove the promotional wording.',
  INVALID_FORMAT:
    'The template breaks a formatting rule: too many variables for its length, a link shortener, or a name flagged for rejection. Reword it and submit again.',
  LOW_QUALITY: 'Customers reacted badly to this template (blocks, reports), so WhatsApp limited it. Improve the content before sending it again.',
};
