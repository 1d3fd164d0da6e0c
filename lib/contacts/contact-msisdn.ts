import { parseMsisdn } from '@/lib/messaging/msisdn';

/**
 * A contact's number as stored (E.164), from a path segment, a form or a CSV cell; 1002 otherwise.
 * A path may carry the number URL-encoded ("%2B6591234567") where a router left it so, or without
 * its "+"; a "%" is never part of a number, so decoding is safe, and a broken encoding is just a bad number.
 */
export function contactMsisdn(raw: unknown, path = 'msisdn'): string {
  let text = raw;
  if (typeof text === 'string' && text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // Left as it is: parseMsisdn refuses it with 1002.
    }
  }
  return parseMsisdn(text, path).e164;
}
