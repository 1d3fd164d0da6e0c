import { PayloadTooLargeError, ValidationError } from '@/lib/errors';

/**
 * Largest JSON body any route parses: a few megabytes is already a 300-step workflow. Checked here, on
 * the text about to be parsed, and not only by the HTTP server from the Content-Type a client claims:
 * a body that said multipart/form-data was let through at the upload limit and parsed as JSON.
 */
export const MAX_JSON_BYTES = 5 * 1024 * 1024;

/**
 * Deepest nesting a request body may have. The reference payloads nest about 12 levels (a carousel
 * card's location parameter) and a workflow adds 3 per nested If; 100 leaves room for both. Without a
 * cap, a body nested a few thousand levels deep parses fine but overflows the stack of whatever walks
 * it next (zod, JSON.stringify when it is stored), which surfaced as a 500.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * The request body as JSON of any shape, or undefined when it is empty. The Content-Type is not
 * checked: integrations send JSON as text/plain or with no type at all, and 8x8 reads it as JSON.
 * A leading byte-order mark is ignored (Node's Buffer decoding keeps it; the Fetch API drops it).
 * Malformed or over-deep JSON is a 1005 naming the body.
 */
export async function readJsonBody(req: Request): Promise<unknown> {
  const charset = charsetOf(req.headers.get('content-type'));
  // UTF-8, nearly every body, straight from the request's buffer; any other charset through a decoder.
  const raw = charset === 'utf-8' || charset === 'utf8' ? await req.text() : decodeBody(new Uint8Array(await req.arrayBuffer()), charset);
  if (raw.length > MAX_JSON_BYTES / 3 && Buffer.byteLength(raw) > MAX_JSON_BYTES) {
    throw new PayloadTooLargeError(`The JSON body is ${Buffer.byteLength(raw)} bytes; at most ${MAX_JSON_BYTES} bytes are accepted`);
  }
  const text = raw.replace(/^\uFEFF/, '');
  if (!text.trim()) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ValidationError('Invalid parameter(s): malformed JSON body', [{ path: '', message: 'The body is not valid JSON' }]);
  }
  if (nestedDeeperThan(body, MAX_JSON_DEPTH)) {
    throw new ValidationError('Invalid parameter(s): the JSON body is nested too deeply', [
      { path: '', message: `Objects and lists may be nested at most ${MAX_JSON_DEPTH} levels deep` },
    ]);
  }
  // Only an escape can put these in a string (a raw NUL is malformed JSON; decoded UTF-8 has no lone
  // surrogates), so the walk runs only when the text has one.
  if (/\\u0000|\\u[dD][89a-fA-F]/.test(text)) assertStorableText(body);
  return body;
}

/** Refuses (1005, naming the field) a value with a key or string that holds U+0000 or a lone surrogate. */
export function assertStorableText(value: unknown): void {
  const odd = unstorableTextAt(value);
  if (odd !== null) {
    throw new ValidationError('Invalid parameter(s): text with a NUL character or a lone surrogate', [
      { path: odd, message: 'Text may not contain U+0000 or half of a surrogate pair (PostgreSQL cannot store it, and no channel delivers it)' },
    ]);
  }
}

/** The path of the first key or string value holding U+0000 or a lone surrogate, or null. */
export function unstorableTextAt(value: unknown): string | null {
  const bad = (s: string) => s.includes('\u0000') || !s.isWellFormed();
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (bad(v)) return path;
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (bad(k)) return at;
        stack.push([child, at]);
      }
    }
  }
  return null;
}

/**
 * The body as text in the charset its Content-Type names (UTF-8 when it names none). JSON should be
 * UTF-8, but a body sent as "application/json; charset=iso-8859-1" was read as UTF-8 all the same, and
 * every accented letter reached the customer as U+FFFD. A charset TextDecoder does not know is a 1005.
 */
function charsetOf(contentType: string | null): string {
  return (/;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1] ?? 'utf-8').toLowerCase();
}

function decodeBody(bytes: Uint8Array, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new ValidationError(`Invalid parameter(s): unsupported charset '${charset}'`, [{ path: '', message: 'Send the body as UTF-8' }]);
  }
  return decoder.decode(bytes);
}

/** Whether objects and lists nest deeper than `max`. Iterative, so that the check itself cannot overflow the stack it protects. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
