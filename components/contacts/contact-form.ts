import { MAX_ATTRIBUTE_KEY, MAX_ATTRIBUTE_VALUE, MAX_ATTRIBUTES, contactNameSchema, tagsSchema } from '@/lib/contacts/contact-input';
import { contactMsisdn } from '@/lib/contacts/contact-msisdn';

// The contact dialog's form and its checks: the API's own rules (lib/contacts/contact-input.ts), with
// errors keyed by the field on screen ("attr.2.key") instead of the API's path ("attributes.city").

export type AttributeRow = { id: number; key: string; value: string };
export type ContactForm = { msisdn: string; name: string; attributes: AttributeRow[]; tags: string[] };
export type FormErrors = Record<string, string>;

export function validateMsisdn(msisdn: string): string | null {
  if (!msisdn.trim()) return 'Enter the phone number';
  try {
    contactMsisdn(msisdn);
    return null;
  } catch {
    return 'Enter the number with its country code, e.g. +65 9123 4567';
  }
}

export function validateName(name: string): string | null {
  const r = contactNameSchema.safeParse(name);
  return r.success ? null : (r.error.issues[0]?.message ?? 'Not a name');
}

export function validateAttributes(rows: AttributeRow[]): FormErrors {
  const errors: FormErrors = {};
  const seen = new Map<string, number>();
  const filled = rows.filter((r) => r.key.trim() || r.value.trim());
  if (filled.length > MAX_ATTRIBUTES) errors.attributes = `A contact has at most ${MAX_ATTRIBUTES} attributes`;
  rows.forEach((r, i) => {
    const key = r.key.trim();
    if (!key && !r.value.trim()) return;
    if (!key) errors[`attr.${i}.key`] = 'Name the attribute';
    else if (key.length > MAX_ATTRIBUTE_KEY) errors[`attr.${i}.key`] = `At most ${MAX_ATTRIBUTE_KEY} characters`;
    else if (seen.has(key)) errors[`attr.${i}.key`] = `“${key}” is already above`;
    if (r.value.length > MAX_ATTRIBUTE_VALUE) errors[`attr.${i}.value`] = `At most ${MAX_ATTRIBUTE_VALUE} characters`;
    seen.set(key, i);
  });
  return errors;
}

export function validateTags(tags: string[]): string | null {
  const r = tagsSchema.safeParse(tags);
  return r.success ? null : (r.error.issues[0]?.message ?? 'Not a tag');
}

export function validateContactForm(form: ContactForm, isNew: boolean): FormErrors {
  const errors: FormErrors = { ...validateAttributes(form.attributes) };
  const msisdn = isNew ? validateMsisdn(form.msisdn) : null;
  const name = validateName(form.name);
  const tags = validateTags(form.tags);
  if (msisdn) errors.msisdn = msisdn;
  if (name) errors.name = name;
  if (tags) errors.tags = tags;
  return errors;
}

/** The body the API takes: empty attribute rows dropped. */
export function contactBody(form: ContactForm) {
  const attributes: Record<string, string> = {};
  for (const r of form.attributes) if (r.key.trim()) attributes[r.key.trim()] = r.value;
  return { name: form.name, attributes, tags: form.tags };
}

/** The server's field errors ("attributes.city", "tags.0") moved onto the fields on screen. */
export function formErrorsFromServer(form: ContactForm, fieldErrors: Record<string, string> = {}): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    if (path.startsWith('attributes.')) {
      const key = path.slice('attributes.'.length);
      const i = form.attributes.findIndex((r) => r.key.trim() === key);
      out[i >= 0 ? `attr.${i}.value` : 'attributes'] = message;
    } else if (path.startsWith('tags')) out.tags = message;
    else out[path || '_'] = message;
  }
  return out;
}
