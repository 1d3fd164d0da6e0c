import { describe, expect, it } from 'vitest';
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { recipientNumber, recipientNumberSlow } from '@/lib/campaigns/audience/recipient-number';

// The fast reader must answer what a full libphonenumber parse answers (recipientNumberSlow, and for
// "+" numbers parseMsisdn, the send API's reader): the same E.164, country and verdict.

const COUNTRIES = [
  'US',
  'CA',
  'JM',
  'PR',
  'DO',
  'GB',
  'GG',
  'JE',
  'IM',
  'SG',
  'MY',
  'ID',
  'IN',
  'PK',
  'AU',
  'NZ',
  'DE',
  'FR',
  'IT',
  'ES',
  'NL',
  'BR',
  'MX',
  'AR',
  'RU',
  'KZ',
  'ZA',
  'NG',
  'KE',
  'AE',
  'SA',
  'PH',
  'JP',
  'CN',
  'HK',
  'FI',
  'NO',
  'MA',
  'RE',
] as CountryCode[];

// mulberry32: a seeded generator, so that a run can be replayed.
let seed = 20261205;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const digit = () => String(Math.floor(random() * 10));
const digits = (n: number) => Array.from({ length: n }, digit).join('');
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

/** The country's example mobile number with all but its first 1 to n-1 digits random, sometimes a digit longer or shorter. */
function nationalLike(country: CountryCode): string {
  const example = (examples as Record<string, string>)[country]!;
  const keep = 1 + Math.floor(random() * (example.length - 1));
  let n = example.slice(0, keep) + digits(example.length - keep);
  const r = random();
  if (r < 0.1) n += digit();
  else if (r < 0.2) n = n.slice(0, -1);
  return n;
}

function parseMsisdnOrNull(text: string) {
  try {
    const p = parseMsisdn(text);
    return { e164: p.e164, callingCode: p.callingCode, country: p.country };
  } catch {
    return null;
  }
}

describe('recipientNumber', () => {
  it('reads "+" numbers of 39 countries as parseMsisdn does (E.164, country, valid or not)', () => {
    const mismatches: string[] = [];
    let valid = 0;
    for (let i = 0; i < 30_000; i++) {
      const country = pick(COUNTRIES);
      const cc = getCountryCallingCode(country);
      const national = random() < 0.85 ? nationalLike(country) : random() < 0.5 ? `0${nationalLike(country)}` : digits(3 + Math.floor(random() * 12));
      // Now and then a non-geographic number (+800 freephone, +882 networks).
      const text = random() < 0.03 ? `+${pick(['800', '808', '870', '882', '883', '979'])}${digits(5 + Math.floor(random() * 8))}` : `+${cc}${national}`;
      const fast = recipientNumber(text);
      if (fast) valid++;
      if (JSON.stringify(fast) !== JSON.stringify(parseMsisdnOrNull(text)))
        mismatches.push(`${text}: ${JSON.stringify(fast)} vs ${JSON.stringify(parseMsisdnOrNull(text))}`);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    // Most of them are real-looking numbers: the comparison is not only of refusals.
    expect(valid).toBeGreaterThan(20_000);
  });

  it('reads local numbers, numbers with 00, with the country code but no "+", and with separators as libphonenumber does', () => {
    const mismatches: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      const country = pick(COUNTRIES);
      const cc = getCountryCallingCode(country);
      const national = nationalLike(country);
      const forms = [
        national,
        `0${national}`,
        `${cc}${national}`,
        `00${cc}${national}`,
        `1${national}`,
        `8${national}`,
        `011${cc}${national}`,
        `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`,
        digits(4 + Math.floor(random() * 12)),
      ];
      const text = pick(forms);
      const defaultCountry = random() < 0.9 ? country : pick(COUNTRIES);
      const fast = recipientNumber(text, defaultCountry);
      const slow = recipientNumberSlow(text, defaultCountry);
      if (JSON.stringify(fast) !== JSON.stringify(slow)) mismatches.push(`${text} in ${defaultCountry}: ${JSON.stringify(fast)} vs ${JSON.stringify(slow)}`);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it('turns the ways people write numbers into E.164', () => {
    expect(recipientNumber('91234567', 'SG')).toEqual({ e164: '+6591234567', callingCode: '65', country: 'SG' });
    expect(recipientNumber('9123 4567', 'SG')?.e164).toBe('+6591234567');
    expect(recipientNumber('+65 9123 4567', 'US')?.e164).toBe('+6591234567');
    expect(recipientNumber('0065 9123 4567', 'US')?.e164).toBe('+6591234567');
    expect(recipientNumber('6591234567', 'SG')?.e164).toBe('+6591234567');
    expect(recipientNumber('07400 123456', 'GB')).toEqual({ e164: '+447400123456', callingCode: '44', country: 'GB' });
    expect(recipientNumber('07911 123456', 'GB')).toEqual({ e164: '+447911123456', callingCode: '44', country: 'GG' });
    expect(recipientNumber('(415) 555-0123', 'US')).toEqual({ e164: '+14155550123', callingCode: '1', country: 'US' });
    expect(recipientNumber('416-555-0123', 'US')).toEqual({ e164: '+14165550123', callingCode: '1', country: 'CA' });
    // Without a default country a number is read with its country code, as the send API reads it.
    expect(recipientNumber('447911123456')?.e164).toBe('+447911123456');
    expect(recipientNumber('+8001234 5678')).toEqual({ e164: '+80012345678', callingCode: '800', country: null });
    for (const bad of ['', 'abc', '12', '+0123456789', '+65 9123', '9123456789012345678', 'phone: 91234567', '+6591234567 ext. 1']) {
      expect(recipientNumber(bad, 'SG'), bad).toBeNull();
    }
  });
});
