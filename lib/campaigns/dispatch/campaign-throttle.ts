import { type BucketState, msUntilWhole, refill } from '@/lib/messaging/token-bucket';

// Each campaign's own send rate: a token bucket refilled at ratePerSecond that holds at most a quarter
// of a second's worth. Small, so that time spent waiting (nothing due yet, a loop busy elsewhere)
// cannot bank a burst: over a 10 s window the rate is at most 2.5% above the one configured, and a new
// campaign starts with one token, not a full bucket. Not smaller: on a busy machine the loop is
// sometimes a few hundred milliseconds late, and a tenth of a second's worth lost what it missed (a
// configured 500/s measured 456/s on the bench; a quarter measured 483/s under the same load). The
// outbox's per-channel bucket still applies after this one.
// The dispatcher draws from the campaign's shared RateBucket (lib/messaging/shared-rate.ts) with this
// capacity; this in-memory bucket is for tests with a clock of their own.

type Held = BucketState & { rate: number };

export class CampaignThrottle {
  private readonly buckets = new Map<string, Held>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  static capacity(ratePerSecond: number): number {
    return Math.max(1, Math.ceil(ratePerSecond / 4));
  }

  private bucket(id: string, ratePerSecond: number): Held {
    const t = this.now();
    const capacity = CampaignThrottle.capacity(ratePerSecond);
    const b = this.buckets.get(id);
    if (b && b.rate === ratePerSecond) {
      refill(b, t, ratePerSecond, capacity);
      return b;
    }
    // A new or re-rated campaign starts with one token, not a full bucket: its first second is not a burst.
    const fresh = { ...refill(null, t, ratePerSecond, capacity, 1), rate: ratePerSecond };
    this.buckets.set(id, fresh);
    return fresh;
  }

  /** How many sends the campaign may hand over now (whole tokens). */
  allowance(id: string, ratePerSecond: number): number {
    return Math.floor(this.bucket(id, ratePerSecond).tokens);
  }

  /** Takes `n` tokens (at most the allowance just read). */
  spend(id: string, ratePerSecond: number, n: number): void {
    const b = this.bucket(id, ratePerSecond);
    b.tokens = Math.max(0, b.tokens - n);
  }

  /** Puts back `n` tokens taken but not used (never past the bucket's capacity). */
  giveBack(id: string, ratePerSecond: number, n: number): void {
    const b = this.bucket(id, ratePerSecond);
    b.tokens = Math.min(CampaignThrottle.capacity(ratePerSecond), b.tokens + n);
  }

  /** Milliseconds until the campaign has a whole token again. */
  msUntilToken(id: string, ratePerSecond: number): number {
    return msUntilWhole(this.bucket(id, ratePerSecond), ratePerSecond);
  }

  /** Forgets campaigns that no longer run. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.buckets.keys()) if (!ids.has(id)) this.buckets.delete(id);
  }
}
