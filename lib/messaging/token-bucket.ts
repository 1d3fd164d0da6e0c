// Token buckets: a channel's send rate (default 80 messages/s per WhatsApp number), a campaign's, an API
// key's. The arithmetic is here once: TokenBuckets keeps buckets in this process's memory (the API's
// per-key limit on SQLite, tests with a clock of their own); lib/messaging/shared-rate.ts keeps them in
// the RateBucket table, so that every worker process draws from the same one.

/** A bucket as stored: its tokens as of `at` (ms since the epoch), and the first send slot not yet handed out. */
export type BucketState = { tokens: number; at: number; nextSlot: number };

/**
 * Brings `b` up to `now` in place (refilled at `rate` a second since `at`, never past `capacity`), or
 * makes a new bucket holding `fresh` tokens. A clock behind the bucket's (another machine's) adds nothing.
 */
export function refill(b: BucketState | null | undefined, now: number, rate: number, capacity: number, fresh = capacity): BucketState {
  if (!b) return { tokens: Math.min(capacity, fresh), at: now, nextSlot: 0 };
  b.tokens = Math.min(capacity, b.tokens + (Math.max(0, now - b.at) / 1000) * rate);
  b.at = Math.max(b.at, now);
  return b;
}

/** Milliseconds until `b`, refilling at `rate` a second, holds a whole token. */
export function msUntilWhole(b: BucketState, rate: number): number {
  return b.tokens >= 1 ? 0 : Math.ceil(((1 - b.tokens) / rate) * 1000);
}

/** Takes up to `want` whole tokens from `b` in place; waitMs is then how long until it holds a whole one again. */
export function draw(b: BucketState, rate: number, want: number): { granted: number; waitMs: number } {
  const granted = Math.max(0, Math.min(want, Math.floor(b.tokens)));
  b.tokens -= granted;
  return { granted, waitMs: msUntilWhole(b, rate) };
}

/**
 * For `n` messages that found no token: the next free send slots on `b`, one per 1/rate s after the
 * slots already handed out and none before now + waitMs, as ms from now. A backlog is thereby spread
 * over the time it needs, so each waiting message is looked at again about once.
 */
export function reserveSlots(b: BucketState, now: number, rate: number, waitMs: number, n: number): number[] {
  const slots: number[] = [];
  let slot = Math.max(now + waitMs, b.nextSlot);
  for (let i = 0; i < n; i++, slot += 1000 / rate) slots.push(Math.ceil(slot - now));
  b.nextSlot = slot;
  return slots;
}

type Held = BucketState & { rate: number; capacity: number };

export class TokenBuckets {
  private buckets = new Map<string, Held>();

  constructor(private readonly now: () => number = Date.now) {}

  private held(key: string, rate: number, capacity: number, t: number): Held {
    const b = this.buckets.get(key);
    if (b && b.rate === rate && b.capacity === capacity) {
      refill(b, t, rate, capacity);
      return b;
    }
    // A new bucket, or one whose rate changed: it starts full.
    const fresh = { ...refill(null, t, rate, capacity), nextSlot: t, rate, capacity };
    this.buckets.set(key, fresh);
    return fresh;
  }

  /**
   * 0 when a token was taken, else the milliseconds until one is available. The bucket holds at most
   * `capacity` tokens (default: one second's worth) and refills at `ratePerSecond`.
   */
  take(key: string, ratePerSecond: number, capacity = ratePerSecond): number {
    const rate = Math.max(1, ratePerSecond);
    const b = this.held(key, rate, Math.max(1, capacity), this.now());
    return draw(b, rate, 1).granted ? 0 : msUntilWhole(b, rate);
  }

  /**
   * Up to `want` tokens at once (a bucket of one second's worth), and a send slot each for the rest:
   * what lib/messaging/shared-rate.ts's drawShared does with a shared bucket, here in memory.
   */
  drawWithSlots(key: string, ratePerSecond: number, want: number): { granted: number; slotsMs: number[] } {
    const rate = Math.max(1, ratePerSecond);
    const t = this.now();
    const b = this.held(key, rate, rate, t);
    const { granted, waitMs } = draw(b, rate, want);
    return { granted, slotsMs: granted < want ? reserveSlots(b, t, rate, waitMs, want - granted) : [] };
  }

  /** For a message that found no token: the next free send slot on this key (reserveSlots), in ms from now. */
  reserve(key: string, ratePerSecond: number, notBeforeMs: number): number {
    const t = this.now();
    const b = this.buckets.get(key);
    const rate = Math.max(1, ratePerSecond);
    if (!b) return notBeforeMs;
    return reserveSlots(b, t, rate, notBeforeMs, 1)[0]!;
  }
}
