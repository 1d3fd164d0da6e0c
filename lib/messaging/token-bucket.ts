// Per-channel send rate (default 80 messages/s per WhatsApp number). The outbox worker takes a token
// before handing a message to the provider; without one the message waits, it is never refused.
type Bucket = { tokens: number; updatedAt: number; rate: number; nextSlotAt: number };

export class TokenBuckets {
  private buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  /** 0 when a token was taken, else the milliseconds until one is available. */
  take(key: string, ratePerSecond: number): number {
    const rate = Math.max(1, ratePerSecond);
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b || b.rate !== rate) {
      b = { tokens: rate, updatedAt: t, rate, nextSlotAt: t };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(rate, b.tokens + ((t - b.updatedAt) / 1000) * rate);
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
}
