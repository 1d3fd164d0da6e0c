import { parsePhoneNumberFromString } from 'libphonenumber-js';
import metadata from 'libphonenumber-js/metadata.min.json';
import { ValidationError } from '@/lib/errors';
import { INVALID_MSISDN } from '@/lib/messaging/codes';

export type ParsedMsisdn = {
  /** +15551234567 */
  e164: string;
  /** 15551234567: WhatsApp's user id for the number. */
  channelUserId: string;
  /** "1", "44", ... */
  callingCode: string;
  /** ISO 3166 alpha-2, or null when the calling code is non-geographic. */
  country: string | null;
};

const mainCountry = metadata.country_calling_codes as unknown as Record<string, string[]>;

// Finding a number's country runs its national number against each candidate country's patterns
// (25 of them share +1): ~90 µs. Conversations come back to the same numbers, so keep the answers.
const parsed = new Map<string, ParsedMsisdn>();
const MAX_REMEMBERED = 50_000;

/**
 * Parses an E.164 number. Fictional ranges (+1555...) are common in examples and tests, so we ask only
 * that the number is possible for its country code, not that it is assigned. The "+" is optional (the
 * reference sends channelUserIds such as 6512345678) and the separators people write (spaces, also
 * non-breaking ones pasted from a page, dashes, dots, parentheses) are ignored; a leading 00 is not
 * read as an international prefix but refused with 1002, as 8x8 asks for the country code itself.
 */
export function parseMsisdn(raw: unknown, path = 'user.msisdn'): ParsedMsisdn {
  const text = typeof raw === 'string' ? raw.replace(/[\s().-]/g, '') : '';
  const withPlus = text.startsWith('+') ? text : `+${text}`;
  const known = parsed.get(withPlus);
  if (known) return known;
  const phone = /^\+\d{6,15}$/.test(withPlus) ? parsePhoneNumberFromString(withPlus) : undefined;
  if (!phone || !phone.isPossible()) {
    throw new ValidationError(
      `Invalid MSISDN: '${typeof raw === 'string' ? raw : String(raw ?? '')}' in '${path}' must be an E.164 number with its country code, e.g. +15551234567`,
      [{ path, message: 'Must be an E.164 number with country code' }],
      INVALID_MSISDN,
    );
  }
  const callingCode = String(phone.countryCallingCode);
  const country = phone.country ?? mainCountry[callingCode]?.[0] ?? null;
  const result = Object.freeze({ e164: phone.number, channelUserId: phone.number.slice(1), callingCode, country: country === '001' ? null : country });
  if (parsed.size >= MAX_REMEMBERED) parsed.delete(parsed.keys().next().value!);
  parsed.set(withPlus, result);
  return result;
}
