// API.md "Contacts and opt-outs": the whole message, trimmed and in any case, is the keyword.
const STOP = new Set(['STOP', 'UNSUBSCRIBE', 'STOPALL', 'CANCEL', 'END', 'QUIT']);
const START = new Set(['START', 'UNSTOP']);
const LONGEST = 11; // UNSUBSCRIBE

/** 'stop' or 'start' when the text is one of the keywords, otherwise null (nearly every message: no allocation). */
export function optOutKeyword(text: unknown): 'stop' | 'start' | null {
  if (typeof text !== 'string' || text.length > LONGEST + 64) return null;
  const word = text.trim();
  if (!word || word.length > LONGEST) return null;
  const upper = word.toUpperCase();
  return STOP.has(upper) ? 'stop' : START.has(upper) ? 'start' : null;
}
