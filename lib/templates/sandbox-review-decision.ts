import type { StoredTemplate } from '@/lib/templates/stored-template';
import { templateParts } from '@/lib/templates/template-parts';
import { variableCount } from '@/lib/templates/template-variables';

export type ReviewDecision = { status: 'APPROVED' } | { status: 'REJECTED'; reason: string };

/**
 * The sandbox stands in for Meta's review. It approves everything except these documented,
 * deterministic triggers, so rejections can be tried on purpose:
 * 1. The name contains "reject" (e.g. promo_reject_test) → REJECTED, INVALID_FORMAT.
 * 2. A UTILITY template with marketing wording (sale, discount, % off, offer, promo, coupon, deal,
 *    free shipping, limited time, shop now, buy one get one) → REJECTED, INCORRECT_CATEGORY.
 * 3. A link shortener in the text (bit.ly, tinyurl.com, goo.gl, t.co) → REJECTED, INVALID_FORMAT.
 * 4. Too many variables for the length: fewer than two words of fixed text per body variable →
 *    REJECTED, INVALID_FORMAT (Meta rejects templates that are mostly placeholders).
 */
export const MARKETING_WORDS = /\b(sale|discounts?|\d+\s?% off|offers?|promo(tion)?s?|coupons?|deals?|free shipping|limited time|shop now|buy one get one)\b/i;
const SHORTENERS = /\b(bit\.ly|tinyurl\.com|goo\.gl|t\.co)\//i;

export function sandboxReviewDecision(t: Pick<StoredTemplate, 'name' | 'category' | 'components'>): ReviewDecision {
  if (/reject/i.test(t.name)) return { status: 'REJECTED', reason: 'INVALID_FORMAT' };
  const texts = allTexts(t.components);
  if (t.category === 'UTILITY' && texts.some((s) => MARKETING_WORDS.test(s))) return { status: 'REJECTED', reason: 'INCORRECT_CATEGORY' };
  if (texts.some((s) => SHORTENERS.test(s))) return { status: 'REJECTED', reason: 'INVALID_FORMAT' };
  const body = templateParts(t.components).body?.text ?? '';
  const vars = variableCount(body);
  const words = body.replace(/\{\{\s*\d+\s*\}\}/g, ' ').split(/\s+/).filter((w) => /\w/.test(w)).length;
  if (vars && words < vars * 2) return { status: 'REJECTED', reason: 'INVALID_FORMAT' };
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
  INCORRECT_CATEGORY: 'The content reads as marketing (offers, sales, coupons) but the category is UTILITY. Resubmit it as MARKETING, or remove the promotional wording.',
  INVALID_FORMAT: 'The template breaks a formatting rule: too many variables for its length, a link shortener, or a name flagged for rejection. Reword it and submit again.',
  LOW_QUALITY: 'Customers reacted badly to this template (blocks, reports), so WhatsApp limited it. Improve the content before sending it again.',
};
