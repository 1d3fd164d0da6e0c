import { env } from '@/lib/env';
import { PermanentProviderError, RetryableProviderError } from '@/lib/channels/provider';
import { BlockedUrlError } from '@/lib/net/assert-public-url';
import { guardedFetch } from '@/lib/net/guarded-fetch';

// Retry-After beyond this is not waited for as such: the outbox's own backoff cap applies.
const MAX_RETRY_AFTER_MS = 300_000;
// 8x8's code for a missing or wrong API key (reference: "Troubleshooting: API Errors").
export const UNAUTHORIZED_CODE = 1200;

/** Retry-After as ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(v) * 1000));
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** 8x8's error body { code, message, errorId, timestamp }, as far as it is there. */
function errorBody(json: unknown): { code?: number; message?: string } {
  const o = json && typeof json === 'object' ? (json as Record<string, unknown>) : {};
  return { code: typeof o.code === 'number' ? o.code : undefined, message: typeof o.message === 'string' ? o.message : undefined };
}

/**
 * POSTs JSON to 8x8 with the channel's API key and returns the answer's JSON. 429 and 5xx (and a
 * timeout, a refused or dropped connection, an unreadable 2xx) throw RetryableProviderError with
 * Retry-After; any other 4xx throws PermanentProviderError with 8x8's code and message.
 */
export async function callEightByEight(url: string, apiKey: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  let res: Response;
  let text: string;
  try {
    // The base URL is the operator's (a region, or PARLEY_8X8_BASE_URL), never a user's: an override
    // pointing at a private address (a test double, a proxy) is allowed.
    res = await guardedFetch(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal,
      },
      env.PARLEY_8X8_BASE_URL ? { allowPrivate: true } : {},
    );
    text = await res.text();
  } catch (err) {
    if (err instanceof BlockedUrlError) throw new PermanentProviderError(`8x8's address cannot be called: ${err.message}`);
    if (signal?.aborted) throw new RetryableProviderError('8x8 did not answer in time');
    throw new RetryableProviderError(`8x8 could not be reached: ${(err as Error)?.message ?? String(err)}`);
  }
  const json = parseJson(text);
  if (res.status >= 200 && res.status < 300) {
    if (json === null) throw new RetryableProviderError(`8x8 answered ${res.status} with a body that is not JSON`);
    return json;
  }
  const { code, message } = errorBody(json);
  if (res.status === 429 || res.status >= 500) {
    throw new RetryableProviderError(`8x8 answered ${res.status}${message ? `: ${message}` : ''}`, parseRetryAfter(res.headers.get('retry-after')));
  }
  if (res.status === 401 || res.status === 403) {
    throw new PermanentProviderError(
      `8x8 refused the channel's API key${message ? ` (${message})` : ''}: check the channel's 8x8 credentials`,
      'rejected',
      code ?? UNAUTHORIZED_CODE,
    );
  }
  throw new PermanentProviderError(message ?? `8x8 refused the request (HTTP ${res.status})`, 'rejected', code);
}
