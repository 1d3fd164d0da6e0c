import type { ParameterSource, RowError } from '@/lib/campaigns/campaign-spec';
import { ValidationError, type Issue } from '@/lib/errors';
import { INVALID_TEMPLATE_PARAMETER } from '@/lib/messaging/codes';
import { buttonType, headerFormat, templateParts } from '@/lib/templates/template-parts';
import { LIMITS } from '@/lib/templates/template-rules';
import type { TemplateComponent } from '@/lib/templates/template-schema';
import { parseLocationValue, templateSlots, type SlotKind } from '@/lib/templates/template-slots';
import { fillVariables, normalizeButtonUrl, variableCount, variablesIn } from '@/lib/templates/template-variables';

// How a campaign's spec fills a template from an audience row: each slot from a column or a fixed
// value, with a fallback for empty cells, checked row by row with the rules checkSendParameters
// applies to the filled payload (3041), so that a valid row is a message WhatsApp accepts. The checks
// are the cheap equivalents of those rules (audience-mapping.test.ts proves the same verdicts): running
// checkSendParameters itself costs ~30 µs a row, half a minute for a million.

type Template = { components: readonly TemplateComponent[] | TemplateComponent[] };

export type PlannedSlot = {
  key: string;
  kind: SlotKind;
  column: string | null;
  /** A fixed value, trimmed. */
  value: string | null;
  /** What an empty cell becomes, trimmed; null: an empty cell makes the row invalid. */
  fallback: string | null;
  /** COPY_CODE codes are at most 15 characters (UTF-16 units, as the send check counts them). */
  maxLength: number | null;
};

/** A text whose length WhatsApp limits once the slots' values are filled in. */
type LengthRule = { slots: number[]; base: number; limit: number; what: string };

export type AudiencePlan = { slotKeys: string[]; slots: PlannedSlot[]; lengths: LengthRule[] };

const codePoints = (s: string) => {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
};

function problemOf(kind: SlotKind, value: string, maxLength: number | null): string | null {
  if (kind === 'image' || kind === 'video' || kind === 'document') {
    return /^https?:\/\//i.test(value) ? null : `must be a link to the ${kind}, starting with https://`;
  }
  if (kind === 'location') return parseLocationValue(value) ? null : 'must be "latitude,longitude", e.g. 1.2857,103.8479';
  if (maxLength !== null && value.length > maxLength) return `can be at most ${maxLength} characters`;
  return null;
}

/** The length rules of a template part (the whole template, or one carousel card). */
function lengthRules(components: readonly TemplateComponent[], prefix: string, where: string, index: Map<string, number>, bodyLimit: number): LengthRule[] {
  const parts = templateParts(components);
  const rules: LengthRule[] = [];
  const rule = (text: string, keyOf: (n: number) => string, count: number, limit: number, what: string) => {
    const slots = variablesIn(text)
      .filter((n) => n >= 1 && n <= count)
      .map((n) => index.get(keyOf(n))!);
    const base = codePoints(
      fillVariables(
        text,
        Array.from({ length: count }, () => ''),
      ),
    );
    rules.push({ slots, base, limit, what });
  };
  const bodyVars = variableCount(parts.body?.text);
  if (bodyVars) rule(parts.body!.text ?? '', (n) => `${prefix}body.${n}`, bodyVars, bodyLimit, `the ${where}body`);
  if (headerFormat(parts.header) === 'TEXT' && variableCount(parts.header?.text))
    rule(parts.header!.text ?? '', () => `${prefix}header`, 1, LIMITS.headerText, `the ${where}header`);
  parts.buttons.forEach((b, k) => {
    if (buttonType(b) === 'URL' && variablesIn(b.url).length)
      rule(normalizeButtonUrl(b.url ?? ''), () => `${prefix}button.${k}`, 1, LIMITS.buttonUrl, `the ${where}URL button ${k} address`);
  });
  return rules;
}

/** The COPY_CODE slots of a part, whose codes are capped (OTP codes are not). */
function couponLimits(components: readonly TemplateComponent[], prefix: string, out: Map<string, number>) {
  templateParts(components).buttons.forEach((b, k) => {
    if (buttonType(b) === 'COPY_CODE') out.set(`${prefix}button.${k}`, LIMITS.couponCode);
  });
}

/**
 * The template's slots filled as `parameters` say. Every slot must be mapped and nothing else; a fixed
 * value or fallback must itself fit its slot. Throws 400 1005 naming every problem.
 */
export function planAudience(template: Template, parameters: Record<string, ParameterSource>): AudiencePlan {
  const slots = templateSlots(template);
  const issues: Issue[] = [];
  const known = new Set(slots.map((s) => s.key));
  const missing = slots.filter((s) => !parameters[s.key]).map((s) => s.key);
  for (const key of missing) issues.push({ path: `parameters.${key}`, message: `Map ${key} to a column or a fixed value` });
  for (const key of Object.keys(parameters)) if (!known.has(key)) issues.push({ path: `parameters.${key}`, message: `The template has no ${key}` });

  const components = template.components as TemplateComponent[];
  const coupons = new Map<string, number>();
  couponLimits(components, '', coupons);
  templateParts(components).cards.forEach((card, c) => couponLimits(card.components as TemplateComponent[], `card.${c}.`, coupons));

  const planned: PlannedSlot[] = slots.map((s) => {
    const p = parameters[s.key] ?? {};
    const slot: PlannedSlot = {
      key: s.key,
      kind: s.kind,
      column: p.column ?? null,
      value: p.value !== undefined ? p.value.trim() : null,
      fallback: p.fallback?.trim() || null,
      maxLength: coupons.get(s.key) ?? null,
    };
    if (!parameters[s.key]) return slot;
    if (slot.value !== null && !slot.value) issues.push({ path: `parameters.${s.key}.value`, message: 'Give the value every recipient gets' });
    for (const [field, v] of [
      ['value', slot.value],
      ['fallback', slot.fallback],
    ] as const) {
      const problem = v ? problemOf(s.kind, v, slot.maxLength) : null;
      if (problem) issues.push({ path: `parameters.${s.key}.${field}`, message: `The ${field} of ${s.key} ${problem}` });
    }
    return slot;
  });

  if (issues.length) {
    const message = missing.length
      ? `Map every variable of the template: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not mapped`
      : `Invalid parameter(s): ${issues.map((i) => `'${i.path}'`).join(', ')}`;
    throw new ValidationError(message, issues);
  }

  const index = new Map(planned.map((s, i) => [s.key, i]));
  const lengths = lengthRules(components, '', '', index, LIMITS.bodyText);
  templateParts(components).cards.forEach((card, c) =>
    lengths.push(...lengthRules(card.components as TemplateComponent[], `card.${c}.`, `card ${c} `, index, LIMITS.cardBodyText)),
  );
  return { slotKeys: planned.map((s) => s.key), slots: planned, lengths };
}

/** A plan tied to an audience's columns: where each slot's cells are. */
export type BoundAudience = AudiencePlan & {
  columns: string[];
  msisdnColumn: string;
  msisdnIndex: number;
  /** Per slot: the column's index, or -1 for a fixed value. */
  columnIndexes: number[];
};

/** Finds each mapped column in the header; a column that is not there is a 400 naming it. */
export function bindColumns(plan: AudiencePlan, columns: string[], msisdnColumn: string): BoundAudience {
  const at = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!at.has(c)) at.set(c, i);
  });
  const issues: Issue[] = [];
  const absent = (c: string) => `The audience has no column "${c}" (its columns: ${columns.map((x) => `"${x}"`).join(', ')})`;
  if (!at.has(msisdnColumn)) issues.push({ path: 'recipients.msisdnColumn', message: absent(msisdnColumn) });
  const columnIndexes = plan.slots.map((s) => {
    if (s.column === null) return -1;
    const i = at.get(s.column);
    if (i === undefined) issues.push({ path: `parameters.${s.key}.column`, message: absent(s.column) });
    return i ?? -1;
  });
  if (issues.length) {
    const names = [...new Set(issues.map((i) => /"([^"]*)"/.exec(i.message)![1]))];
    throw new ValidationError(`The audience has no column ${names.map((n) => `"${n}"`).join(', ')}`, issues);
  }
  return { ...plan, columns, msisdnColumn, msisdnIndex: at.get(msisdnColumn)!, columnIndexes };
}

export type RowCheck = { values: string[]; errors: RowError[] | null };

function rowError(column: string, message: string): RowError {
  return { column, code: INVALID_TEMPLATE_PARAMETER, message };
}

/**
 * A row's values in slotKeys order, with every problem (3041) naming the column it comes from. Cells are
 * trimmed; an empty one takes the slot's fallback.
 */
export function checkRow(audience: BoundAudience, cells: readonly string[]): RowCheck {
  const { slots, columnIndexes } = audience;
  const values = new Array<string>(slots.length);
  let errors: RowError[] | null = null;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    let v = slot.value ?? (cells[columnIndexes[i]!] ?? '').trim();
    if (!v && slot.fallback) v = slot.fallback;
    if (!v) {
      const column = slot.column ?? slot.key;
      (errors ??= []).push(rowError(column, `"${column}" is empty and ${slot.key} has no fallback`));
      continue;
    }
    if (slot.kind !== 'text' && slot.kind !== 'url') {
      const problem = problemOf(slot.kind, v, slot.maxLength);
      if (problem) (errors ??= []).push(rowError(slot.column ?? slot.key, `${slot.key} ${problem}`));
    }
    values[i] = v;
  }
  for (const rule of audience.lengths) {
    let length = rule.base;
    let longest = -1;
    for (const s of rule.slots) {
      const v = values[s];
      if (v === undefined) {
        length = -1;
        break;
      }
      length += codePoints(v);
      if (longest < 0 || v.length > values[longest]!.length) longest = s;
    }
    if (length > rule.limit) {
      const slot = slots[longest]!;
      (errors ??= []).push(
        rowError(slot.column ?? slot.key, `With these values ${rule.what} is ${length} characters long; WhatsApp allows at most ${rule.limit}`),
      );
    }
  }
  return { values, errors };
}

/** The values as the JSON array CampaignRecipient.values stores (JSON.stringify's text, a little faster). */
export function valuesJson(values: readonly string[]): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out += `${i ? ',' : ''}"${PLAIN_JSON.test(v) ? v : JSON.stringify(v).slice(1, -1)}"`;
  }
  return `${out}]`;
}
// Text JSON writes as it is: no quote, backslash, control character or surrogate.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what JSON must escape
const PLAIN_JSON = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
