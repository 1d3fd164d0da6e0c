import type { CampaignSpec, ParameterSource } from '@/lib/campaigns/campaign-spec';
import { parseLocationValue, type TemplateSlot } from '@/lib/templates/template-slots';

// The mapping step's rules, kept out of the components: which column holds the numbers, what each
// template slot is filled from, why a slot is not ready, and what the first row's message says.

export type SlotMapping = { source: 'column' | 'value'; column: string; value: string; fallback: string };
export type Mapping = Record<string, SlotMapping>;

const PHONE_HEADER =
  /^(phone|phones|phone.?number|msisdn|mobile|mobile.?number|mobile.?phone|cell|cell.?phone|whats.?app|wa.?number|tel|telephone|number|contact.?number)$/i;
const PHONE_CELL = /^\+?[\d\s().-]{7,20}$/;

const normalize = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');

/** The column that holds the numbers: one named like a phone column, else the first whose samples look like numbers. */
export function detectPhoneColumn(columns: string[], sample: string[][]): string | null {
  const named = columns.find((c) => PHONE_HEADER.test(c.trim()));
  if (named) return named;
  const loose = columns.find((c) => /phone|msisdn|mobile|whatsapp/i.test(c));
  if (loose) return loose;
  for (let i = 0; i < columns.length; i++) {
    const cells = sample.map((r) => (r[i] ?? '').trim()).filter(Boolean);
    if (cells.length && cells.filter((v) => PHONE_CELL.test(v) && v.replace(/\D/g, '').length >= 7).length / cells.length >= 0.6) return columns[i]!;
  }
  return null;
}

/**
 * A first mapping: a column whose name is the slot's key ("body.1") or one of the usual names of what
 * the slot holds (an image URL, a coupon code) is taken; everything else waits for the user.
 */
export function initialMapping(slots: TemplateSlot[], columns: string[], previous: Mapping = {}): Mapping {
  const byName = new Map(columns.map((c) => [normalize(c), c]));
  const out: Mapping = {};
  for (const slot of slots) {
    const kept = previous[slot.key];
    if (kept && (kept.source === 'value' || columns.includes(kept.column))) {
      out[slot.key] = kept;
      continue;
    }
    const guess = byName.get(normalize(slot.key)) ?? byName.get(normalize(slot.key.replace(/\./g, '_')));
    out[slot.key] = { source: 'column', column: guess ?? '', value: '', fallback: kept?.fallback ?? '' };
  }
  return out;
}

/** The mapping of a stored spec's parameters (a draft opened again). */
export function mappingFromParameters(parameters: Record<string, ParameterSource>): Mapping {
  return Object.fromEntries(
    Object.entries(parameters).map(([key, p]) => [
      key,
      p.column !== undefined
        ? { source: 'column' as const, column: p.column, value: '', fallback: p.fallback ?? '' }
        : { source: 'value' as const, column: '', value: p.value ?? '', fallback: '' },
    ]),
  );
}

/** What blocks this slot, in words for the person mapping it; null when it is ready. */
export function slotProblem(slot: TemplateSlot, m: SlotMapping | undefined, columns: string[]): string | null {
  if (!m) return 'Choose a column or type a fixed value';
  if (m.source === 'column') {
    if (!m.column) return 'Choose the column that holds this value, or use a fixed value';
    if (!columns.includes(m.column)) return `The audience has no column "${m.column}"`;
    return m.fallback ? valueProblem(slot, m.fallback, 'The fallback') : null;
  }
  if (!m.value.trim()) return 'Type the value every recipient gets';
  return valueProblem(slot, m.value, 'The value');
}

function valueProblem(slot: TemplateSlot, value: string, what: string): string | null {
  if (slot.kind === 'image' || slot.kind === 'video' || slot.kind === 'document') {
    if (!/^https?:\/\/\S+$/i.test(value.trim())) return `${what} must be a link to the ${slot.kind}, starting with https://`;
  }
  if (slot.kind === 'location' && !parseLocationValue(value)) return `${what} must be "latitude,longitude", e.g. 1.2857,103.8479`;
  return null;
}

export function mappingProblems(slots: TemplateSlot[], mapping: Mapping, columns: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of slots) {
    const p = slotProblem(s, mapping[s.key], columns);
    if (p) out[s.key] = p;
  }
  return out;
}

/** The spec's `parameters` for the slots of the chosen template (mappings of other templates' slots are left out). */
export function toParameters(slots: TemplateSlot[], mapping: Mapping): CampaignSpec['parameters'] {
  const out: CampaignSpec['parameters'] = {};
  for (const s of slots) {
    const m = mapping[s.key];
    if (!m) continue;
    if (m.source === 'value') out[s.key] = { value: m.value };
    else out[s.key] = m.fallback ? { column: m.column, fallback: m.fallback } : { column: m.column };
  }
  return out;
}

/**
 * The values of one CSV row as the recipient would get them (an empty cell takes the fallback), for the
 * preview. A slot without a value yet shows its label, so the preview says what is still missing.
 */
export function rowValues(slots: TemplateSlot[], mapping: Mapping, columns: string[], row: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of slots) {
    const m = mapping[s.key];
    let v = '';
    if (m?.source === 'value') v = m.value;
    else if (m?.column) {
      const cell = row?.[columns.indexOf(m.column)]?.trim() ?? '';
      v = cell || m.fallback;
    }
    out[s.key] = v || (s.kind === 'text' ? `[${s.label}]` : s.example);
  }
  return out;
}
