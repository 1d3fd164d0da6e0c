import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, errorMeaning } from '@/lib/messaging/error-catalog';
import {
  EMPTY_TEMPLATE_PARAMETERS,
  INVALID_MSISDN,
  INVALID_TEMPLATE_PARAMETER,
  MESSAGING_LIMIT_REACHED,
  OPTED_OUT,
  TEMPLATE_NOT_FOUND,
  UNREACHABLE_DESTINATION,
  WINDOW_EXPIRED,
} from '@/lib/messaging/codes';
import { NOT_RETRYABLE_ERROR_CODES, RETRYABLE_ERROR_CODES } from '@/lib/campaigns/dispatch/retryable-errors';

describe('error catalog', () => {
  it('describes every code Parley fails a message or a request with', () => {
    const emitted = [
      INVALID_MSISDN,
      TEMPLATE_NOT_FOUND,
      EMPTY_TEMPLATE_PARAMETERS,
      INVALID_TEMPLATE_PARAMETER,
      MESSAGING_LIMIT_REACHED,
      UNREACHABLE_DESTINATION.code,
      WINDOW_EXPIRED.code,
      OPTED_OUT.code,
      ...RETRYABLE_ERROR_CODES.map((c) => c.code),
      ...NOT_RETRYABLE_ERROR_CODES.map((c) => c.code),
    ];
    for (const code of emitted) expect(errorMeaning(code)?.meaning, String(code)).toMatch(/\w{4,}/);
  });

  it('uses the reference docs’ wording for the codes they name', () => {
    expect(errorMeaning(1002)).toMatchObject({ title: 'Invalid MSISDN', source: '8x8' });
    expect(errorMeaning(3038)?.meaning).toBe('The name or language in your send payload does not match any approved template.');
    expect(errorMeaning(3041)?.meaning).toBe('You provided the wrong number of parameters (e.g., the template expected 2, you sent 1).');
    // The receipt example's errorMessage, as Parley sends it too.
    expect(errorMeaning(1022)?.title).toBe(WINDOW_EXPIRED.message);
    expect(errorMeaning(1003)?.title).toBe(UNREACHABLE_DESTINATION.message);
  });

  it('names any other code of the 132000 range a template error, and knows nothing of unknown codes', () => {
    expect(errorMeaning(132015)?.title).toBe('Template is paused');
    expect(errorMeaning(132999)).toMatchObject({ code: 132999, title: 'Template error', source: 'WhatsApp' });
    expect(errorMeaning(133000)).toBeNull();
    expect(errorMeaning(42)).toBeNull();
    expect(errorMeaning(null)).toBeNull();
  });

  it('lists each code once, in order', () => {
    const codes = ERROR_CATALOG.map((c) => c.code);
    expect(codes).toEqual([...new Set(codes)].sort((a, b) => a - b));
  });
});
