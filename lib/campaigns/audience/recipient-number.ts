import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import metadata from 'libphonenumber-js/metadata.min.json';
import { parseMsisdn } from '@/lib/messaging/msisdn';

// A CSV cell as a recipient's E.164 number, a million times in a row. libphonenumber's parse costs
// 4-15 µs a number (and parseMsisdn's cache does not help with a million different numbers), most of
// it building the same RegExp objects again on every test, above all to find the country among those
// sharing a calling code (+1 has 25). Here a number takes 0.3-2 µs: the calling code comes from the
// metadata (calling codes are prefix-free), "possible" is the country's possible lengths (what
// isPossible checks), and the country of a shared calling code is libphonenumber's own rule (leading
// digits, else the first country the number is valid for) with the patterns compiled once. Anything
// out of the ordinary (a national prefix written after the country code, an international dialling
// prefix, a country's own calling code written without "+", a prefix that rewrites the number) takes
// the slow path, which is the definition: recipient-number.test.ts checks over random numbers of many
// countries that both agree, and that "+" numbers read as parseMsisdn reads them.

export type RecipientNumber = {
  /** +6591234567 */
  e164: string;
  /** "65" */
  callingCode: string;
  /** ISO 3166 alpha-2; null for a non-geographic calling code (+800, +882, ...). */
  country: string | null;
};

type Raw = unknown[];
const COUNTRIES = metadata.countries as unknown as Record<string, Raw>;
const NON_GEOGRAPHIC = (metadata as unknown as { nonGeographic: Record<string, Raw> }).nonGeographic;
const GEOGRAPHIC = metadata.country_calling_codes as unknown as Record<string, string[]>;

/** The countries of a calling code, main one first; ['001'] for a non-geographic code (+800, +882, ...). */
function countriesOf(callingCode: string): string[] | undefined {
  return GEOGRAPHIC[callingCode] ?? (NON_GEOGRAPHIC[callingCode] ? ['001'] : undefined);
}

/** What the fast path needs of a numbering plan (metadata v4 layout, as libphonenumber's Metadata reads it). */
type Plan = {
  callingCode: string;
  lengths: number[];
  /** National prefix for parsing (or the national prefix), anchored. */
  prefix: RegExp | null;
  /** The prefix pattern rewrites the number (a transform rule) instead of cutting it. */
  transforms: boolean;
  idd: RegExp | null;
};

const plans = new Map<string, Plan>();

function planOf(key: string): Plan {
  let plan = plans.get(key);
  if (!plan) {
    const raw = COUNTRIES[key] ?? NON_GEOGRAPHIC[key]!;
    const prefix = (raw[7] as string | undefined) || (raw[5] as string | undefined);
    plan = {
      callingCode: raw[0] as string,
      lengths: (raw[3] as number[] | undefined) ?? [],
      prefix: prefix ? new RegExp(`^(?:${prefix})`) : null,
      transforms: !!raw[8],
      idd: raw[1] ? new RegExp(`^(?:${raw[1] as string})`) : null,
    };
    plans.set(key, plan);
  }
  return plan;
}

/** checkNumberLength's IS_POSSIBLE. */
function possibleLength(plan: Plan, length: number): boolean {
  return plan.lengths.length === 0 || plan.lengths.includes(length);
}

/** The calling code `digits` start with (1 to 3 digits), or null. */
function callingCodeOf(digits: string): string | null {
  for (let n = 1; n <= 3 && n < digits.length; n++) {
    const cc = digits.slice(0, n);
    if (countriesOf(cc)) return cc;
  }
  return null;
}

/** Whether libphonenumber would take a national prefix (or carrier code) off, or rewrite, these national digits. */
function prefixApplies(plan: Plan, national: string): boolean {
  if (!plan.prefix) return false;
  const m = plan.prefix.exec(national);
  if (!m) return false;
  return m[0].length > 0 || (plan.transforms && m.length > 1 && !!m[m.length - 1]);
}

// libphonenumber's getCountryByNationalNumber (helpers/getNumberType.js), with its patterns compiled
// once: it builds a RegExp for every test, which is most of what a full parse costs.
const compiled = new Map<string, RegExp>();
function entirely(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = new RegExp(`^(?:${pattern})$`)));
  return re;
}
const leadingRes = new Map<string, RegExp>();

/** Whether `national` is a valid number of `country` (getNumberType answers a type). */
function validFor(country: string, national: string): boolean {
  const raw = COUNTRIES[country]!;
  if (!entirely(raw[2] as string).test(national)) return false;
  const types = raw[11] as ([string, number[]?] | 0 | undefined)[] | undefined;
  if (!types?.length) return false;
  const lengths = raw[3] as number[];
  for (const t of types) {
    if (!Array.isArray(t) || !t[0]) continue;
    if (!(t[1] ?? lengths).includes(national.length)) continue;
    if (entirely(t[0]).test(national)) return true;
  }
  return false;
}

/**
 * The exact country libphonenumber finds for a national number of a calling code: the only one, or
 * among those sharing it the first whose leading digits match or for which the number is valid; null
 * when none is (the caller then uses the calling code's main country, as parseMsisdn does). The
 * caller has checked that the main country's national prefix does not apply (libphonenumber would
 * have taken it off first).
 */
function exactCountry(callingCode: string, national: string): string | null {
  const countries = countriesOf(callingCode)!;
  if (countries.length === 1) return countries[0] === '001' ? null : countries[0]!;
  for (const country of countries) {
    const leading = COUNTRIES[country]![10] as string | undefined;
    if (leading) {
      let re = leadingRes.get(country);
      if (!re) leadingRes.set(country, (re = new RegExp(leading)));
      if (national.search(re) === 0) return country;
    } else if (validFor(country, national)) return country;
  }
  return null;
}

function result(callingCode: string, national: string, country: string | null): RecipientNumber {
  return { e164: `+${callingCode}${national}`, callingCode, country: country === '001' ? null : country };
}

/** `digits` (no "+") as an international number, exactly as parseMsisdn reads "+<digits>". */
function international(digits: string): RecipientNumber | null {
  if (digits.length < 6 || digits.length > 15) return null;
  const callingCode = callingCodeOf(digits);
  if (!callingCode) return null;
  const national = digits.slice(callingCode.length);
  const main = countriesOf(callingCode)![0]!;
  const mainPlan = planOf(main === '001' ? callingCode : main);
  if (prefixApplies(mainPlan, national)) return viaParseMsisdn(`+${digits}`);
  const country = exactCountry(callingCode, national);
  const plan = country ? planOf(country) : mainPlan;
  if (!possibleLength(plan, national.length)) return null;
  return result(callingCode, national, country ?? main);
}

/** `digits` written without "+" as a number of `defaultCountry`, or null when the slow path must decide. */
function nationalFast(digits: string, defaultCountry: string): RecipientNumber | null | 'slow' {
  const plan = planOf(defaultCountry);
  // An international dialling prefix (011 in the US) or the country's own calling code in front: libphonenumber's rules.
  if (plan.idd?.test(digits) || digits.startsWith(plan.callingCode)) return 'slow';
  let national = digits;
  if (prefixApplies(plan, digits)) {
    // A trunk prefix (the "0" of 07911 123456) comes off, unless that leaves a number that is no longer
    // valid, or not of a possible length for its country: then libphonenumber keeps it. Rewrites are its own.
    const m = plan.prefix!.exec(digits)!;
    if (plan.transforms && m.length > 1 && m[m.length - 1]) return 'slow';
    const stripped = digits.slice(m[0].length);
    const exact = exactCountry(plan.callingCode, stripped);
    const pattern = entirely(COUNTRIES[defaultCountry]![2] as string);
    if ((pattern.test(digits) && !pattern.test(stripped)) || !possibleIncomplete(exact ? planOf(exact) : plan, stripped.length)) return 'slow';
    national = stripped;
  }
  if (national.length < 2 || national.length > 17) return null;
  const country = exactCountry(plan.callingCode, national) ?? defaultCountry;
  if (!possibleLength(planOf(country), national.length)) return null;
  return result(plan.callingCode, national, country);
}

/** extractNationalNumber's check after taking a prefix off: TOO_SHORT and INVALID_LENGTH keep it on. */
function possibleIncomplete(plan: Plan, length: number): boolean {
  if (!plan.lengths.length) return true;
  if (length < plan.lengths[0]!) return false;
  if (length > plan.lengths.at(-1)!) return true;
  return plan.lengths.includes(length);
}

function viaParseMsisdn(text: string): RecipientNumber | null {
  try {
    const p = parseMsisdn(text);
    return { e164: p.e164, callingCode: p.callingCode, country: p.country };
  } catch {
    return null;
  }
}

const SEPARATORS = /[\s().-]/g;
const PLAIN = /^\+?\d+$/;

/**
 * The definition, one full libphonenumber parse: "+" or "00" then the country code; without them, a
 * number of `defaultCountry` (national prefix and all, as libphonenumber reads local numbers), else
 * (no default country, or not a possible number there) the digits with their country code, as the
 * send API reads a number without "+".
 */
export function recipientNumberSlow(raw: string, defaultCountry?: string): RecipientNumber | null {
  const text = raw.replace(SEPARATORS, '');
  if (text.startsWith('+')) return viaParseMsisdn(text);
  if (!/^\d+$/.test(text)) return null;
  if (text.startsWith('00')) return viaParseMsisdn(`+${text.slice(2)}`);
  if (defaultCountry) {
    const phone = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
    if (phone?.isPossible()) {
      const callingCode = String(phone.countryCallingCode);
      const country = phone.country ?? GEOGRAPHIC[callingCode]?.[0] ?? null;
      return { e164: phone.number, callingCode, country: country === '001' ? null : country };
    }
  }
  return viaParseMsisdn(text);
}

/**
 * A cell as the recipient's E.164 number with its calling code and country, or null when it is not a
 * possible number: what recipientNumberSlow answers, faster. `defaultCountry` must be a supported
 * ISO 3166 alpha-2 code (isSupportedCountry).
 */
export function recipientNumber(raw: string, defaultCountry?: string): RecipientNumber | null {
  const text = PLAIN.test(raw) ? raw : raw.replace(SEPARATORS, '');
  if (!PLAIN.test(text)) return null;
  if (text.charCodeAt(0) === 43 /* + */) return international(text.slice(1));
  if (text.startsWith('00')) return international(text.slice(2));
  if (defaultCountry) {
    const local = nationalFast(text, defaultCountry);
    if (local === 'slow') return recipientNumberSlow(text, defaultCountry);
    if (local) return local;
  }
  return international(text);
}
