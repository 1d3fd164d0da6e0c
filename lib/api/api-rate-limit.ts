import { env } from '@/lib/env';
import type { ApiKeyPrincipal } from '@/lib/auth/api-keys';
import { TokenBuckets } from '@/lib/messaging/token-bucket';

// A key may spend this many seconds of its rate at once: integrations send in bursts (a batch job
// starting, a queue draining after a reconnect) and should not be refused for it, only for keeping it
// up. With the default rate that is 10,000 requests, the whole in-process send benchmark.
export const API_BURST_SECONDS = 5;

// On globalThis, like the key cache: Next bundles every route handler separately, and one key's
// calls to different routes must draw from one bucket. Per process: with several web processes a key
// gets the rate in each, which is the same trade the channel send rate makes.
const g = globalThis as unknown as { parleyApiCallBuckets?: TokenBuckets };
const sharedBuckets = (g.parleyApiCallBuckets ??= new TokenBuckets());

export type ApiCallLimit = { ratePerSecond: number; burst: number; retryAfterMs: number };

/** Takes one call from the key's bucket: retryAfterMs is 0 when the call may go ahead. */
export function takeApiCall(key: Pick<ApiKeyPrincipal, 'keyId' | 'rateLimit'>, buckets = sharedBuckets): ApiCallLimit {
  const ratePerSecond = key.rateLimit ?? env.API_RATE_LIMIT_PER_SECOND;
  const burst = ratePerSecond * API_BURST_SECONDS;
  return { ratePerSecond, burst, retryAfterMs: buckets.take(key.keyId, ratePerSecond, burst) };
}
