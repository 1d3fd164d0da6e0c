import { env } from '@/lib/env';
import type { Db } from '@/lib/db/client';
import { dialectOf } from '@/lib/db/tx';
import type { ApiKeyPrincipal } from '@/lib/auth/api-keys';
import { takeShared } from '@/lib/messaging/shared-rate';
import { TokenBuckets } from '@/lib/messaging/token-bucket';

// A key may spend this many seconds of its rate at once: integrations send in bursts (a batch job
// starting, a queue draining after a reconnect) and should not be refused for it, only for keeping it
// up. With the default rate that is 10,000 requests, the whole in-process send benchmark.
export const API_BURST_SECONDS = 5;

// On PostgreSQL, where several web processes serve one key, the key's bucket is the shared RateBucket
// "api-key:<id>": a process draws a lease of a twentieth of a second's calls at a time and spends it
// itself, so a call costs a round trip once per lease, and all processes together keep to the rate
// (give or take the leases in hand, which lapse after a second). SQLite runs one process: its buckets
// are in memory, on globalThis like the key cache, since Next bundles every route handler separately
// and one key's calls to different routes must draw from one bucket.
const LEASE_SECONDS = 0.05;
const LEASE_LIFE_MS = 1000;
const g = globalThis as unknown as { parleyApiCallBuckets?: TokenBuckets; parleyApiCallLeases?: Map<string, { tokens: number; at: number }> };
const sharedBuckets = (g.parleyApiCallBuckets ??= new TokenBuckets());
const leases = (g.parleyApiCallLeases ??= new Map());

export type ApiCallLimit = { ratePerSecond: number; burst: number; retryAfterMs: number };

/**
 * Takes one call from the key's bucket: retryAfterMs is 0 when the call may go ahead. `buckets`: a
 * test's own, in memory, with its clock.
 */
export async function takeApiCall(key: Pick<ApiKeyPrincipal, 'keyId' | 'rateLimit'>, db: Db, buckets?: TokenBuckets): Promise<ApiCallLimit> {
  const ratePerSecond = key.rateLimit ?? env.API_RATE_LIMIT_PER_SECOND;
  const burst = ratePerSecond * API_BURST_SECONDS;
  const retryAfterMs =
    buckets || dialectOf(db) !== 'postgres'
      ? (buckets ?? sharedBuckets).take(key.keyId, ratePerSecond, burst)
      : await takeFromLease(db, key.keyId, ratePerSecond, burst);
  return { ratePerSecond, burst, retryAfterMs };
}

async function takeFromLease(db: Db, keyId: string, ratePerSecond: number, burst: number): Promise<number> {
  const now = Date.now();
  const held = leases.get(keyId);
  if (held && held.tokens >= 1 && now - held.at < LEASE_LIFE_MS) {
    held.tokens--;
    return 0;
  }
  const want = Math.max(1, Math.min(burst, Math.floor(ratePerSecond * LEASE_SECONDS)));
  const { granted, waitMs } = await takeShared(db, { key: `api-key:${keyId}`, ratePerSecond, capacity: burst, want, now });
  if (granted < 1) return waitMs;
  leases.set(keyId, { tokens: granted - 1, at: now });
  return 0;
}
