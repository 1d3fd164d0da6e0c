import { scriptOf } from './describe-condition';

// The five condition kinds the reference's Branch panel offers, parsed from and written back to
// a {{script}}. Anything the builder does not recognise is a custom condition, kept verbatim.

export type Condition =
  | { kind: 'contains'; value: string; keyword: string; ignoreCase: boolean; negate: boolean }
  | { kind: 'country'; value: string; country: string; negate: boolean }
  | { kind: 'timeOfDay'; value: string; from: string; to: string; timeZone: string; negate: boolean }
  | { kind: 'dayOfWeek'; value: string; day: string; negate: boolean }
  | { kind: 'custom'; script: string };

export const CONDITION_KINDS: Array<{ kind: Condition['kind']; label: string }> = [
  { kind: 'contains', label: 'Value contains a string' },
  { kind: 'country', label: 'Country code of a mobile number' },
  { kind: 'timeOfDay', label: 'Time of day' },
  { kind: 'dayOfWeek', label: 'Day of the week' },
  { kind: 'custom', label: 'Custom condition' },
];

const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const ARG = `'((?:[^'\\\\]|\\\\.)*)'`;
const un = (s: string) => s.replace(/\\(.)/g, '$1');

export function parseCondition(condition: string): Condition {
  const script = scriptOf(condition);
  const negate = script.startsWith('!');
  const core = negate ? script.slice(1).trim() : script;
  let m = new RegExp(`^stringContains\\(\\s*([^,]+?)\\s*,\\s*${ARG}\\s*(?:,\\s*(true|false)\\s*)?\\)$`).exec(core);
  if (m) return { kind: 'contains', value: m[1]!, keyword: un(m[2]!), ignoreCase: m[3] === 'true', negate };
  m = new RegExp(`^isCountryCode\\(\\s*([^,]+?)\\s*,\\s*${ARG}\\s*\\)$`).exec(core);
  if (m) return { kind: 'country', value: m[1]!, country: un(m[2]!), negate };
  m = new RegExp(`^isTimeOfDayBetween\\(\\s*([^,]+?)\\s*,\\s*${ARG}\\s*,\\s*${ARG}\\s*,\\s*${ARG}\\s*\\)$`).exec(core);
  if (m) return { kind: 'timeOfDay', value: m[1]!, from: un(m[2]!), to: un(m[3]!), timeZone: un(m[4]!), negate };
  m = new RegExp(`^isDayOfWeek\\(\\s*([^,]+?)\\s*,\\s*${ARG}\\s*\\)$`).exec(core);
  if (m) return { kind: 'dayOfWeek', value: m[1]!, day: un(m[2]!), negate };
  return { kind: 'custom', script };
}

export function buildCondition(c: Condition): string {
  const not = 'negate' in c && c.negate ? '!' : '';
  switch (c.kind) {
    case 'contains':
      return `{{${not}stringContains(${c.value}, ${q(c.keyword)}${c.ignoreCase ? ', true' : ''})}}`;
    case 'country':
      return `{{${not}isCountryCode(${c.value}, ${q(c.country)})}}`;
    case 'timeOfDay':
      return `{{${not}isTimeOfDayBetween(${c.value}, ${q(c.from)}, ${q(c.to)}, ${q(c.timeZone)})}}`;
    case 'dayOfWeek':
      return `{{${not}isDayOfWeek(${c.value}, ${q(c.day)})}}`;
    case 'custom':
      return `{{${c.script}}}`;
  }
}

/** A starting condition of a kind, reading the value the previous condition read. */
export function defaultCondition(kind: Condition['kind'], from: Condition, trigger: string): Condition {
  const value = 'value' in from ? from.value : trigger === 'inbound_sms' ? 'data.payload.source' : 'data.payload.user.msisdn';
  const text = trigger === 'inbound_sms' ? 'data.payload.text' : 'data.payload.content.text';
  const when = 'data.payload.timestamp';
  switch (kind) {
    case 'contains':
      return { kind, value: from.kind === 'contains' ? from.value : text, keyword: '', ignoreCase: true, negate: false };
    case 'country':
      return { kind, value, country: 'SG', negate: false };
    case 'timeOfDay':
      return { kind, value: when, from: '09:00:00', to: '18:00:00', timeZone: 'Singapore Standard Time', negate: false };
    case 'dayOfWeek':
      return { kind, value: when, day: 'Monday', negate: false };
    case 'custom':
      return { kind, script: from.kind === 'custom' ? from.script : scriptOf(buildCondition(from)) };
  }
}
