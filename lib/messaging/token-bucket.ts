// Per-channel send rate (default 80 messages/s per WhatsApp number). The outbox worker takes a token
// before handing a message to the provider; without one the message waits, it is never refused.
// The API's per-key limit (lib/api/api-rate-limit.ts) takes from the same kind of bucket, with a larger
// capacity than one second's worth so a client may burst.
type Bucket = { tokens: number; updatedAt: number; rate: number; capacity: number; nextSlotAt: number };

export class TokenBuckets {
  private buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * 0 when a token was taken, else the milliseconds until one is available. The bucket holds at most
   * `capacity` tokens (default: one second's worth) and refills at `ratePerSecond`.
   */
  take(key: string, ratePerSecond: number, capacity = ratePerSecond): number {
    const rate = Math.max(1, ratePerSecond);
    const cap = Math.max(1, capacity);
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b || b.rate !== rate || b.capacity !== cap) {
      b = { tokens: cap, updatedAt: t, rate, capacity: cap, nextSlotAt: t };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(cap, b.tokens + ((t - b.updatedAt) / 1000) * rate);
    b.updatedAt = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / rate) * 1000);
  }

  /**
   * For a message that found no token: reserves the next free send slot on this key (one per 1/rate s,
   * after the slots already handed out) and returns the milliseconds until it. A backlog is thereby
   * spread over the time it needs, so each waiting message is looked at again about once.
   */
  reserve(key: string, ratePerSecond: number, notBeforeMs: number): number {
    const t = this.now();
    const b = this.buckets.get(key);
    const rate = Math.max(1, ratePerSecond);
    const slot = Math.max(t + notBeforeMs, b?.nextSlotAt ?? 0);
    if (b) b.nextSlotAt = slot + 1000 / rate;
    return Math.ceil(slot - t);
  }

  /** The buckets as they are now, for restore(): a transaction that takes tokens and may run again (PostgreSQL) starts each run from the same state. */
  snapshot(): Map<string, Bucket> {
    return new Map([...this.buckets].map(([k, b]) => [k, { ...b }]));
  }

  restore(saved: Map<string, Bucket>): void {
    this.buckets = new Map([...saved].map(([k, b]) => [k, { ...b }]));
  }
}
