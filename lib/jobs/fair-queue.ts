/**
 * Work queued per account and handed out round-robin between accounts, with at most `perAccount` of one
 * account's items taken (running) at once: an account with a thousand queued items waits its turn like
 * one with a single item, and can never hold every worker or lane, so another account's work starts as
 * soon as a slot frees. Pure bookkeeping (no timers), so the order is testable.
 */
export class FairQueue<T> {
  // Accounts with queued items, in turn order (a Map keeps insertion order: served ones go to the back).
  private readonly waiting = new Map<string, T[]>();
  private readonly running = new Map<string, number>();
  private queued = 0;

  constructor(private readonly perAccount: number) {}

  push(account: string, item: T): void {
    const items = this.waiting.get(account);
    if (items) items.push(item);
    else this.waiting.set(account, [item]);
    this.queued++;
  }

  /** The next item of the first account in turn that is under its limit (it becomes running), or null. */
  take(): { account: string; item: T } | null {
    for (const [account, items] of this.waiting) {
      const running = this.running.get(account) ?? 0;
      if (running >= this.perAccount) continue;
      const item = items.shift()!;
      this.waiting.delete(account);
      if (items.length) this.waiting.set(account, items);
      this.running.set(account, running + 1);
      this.queued--;
      return { account, item };
    }
    return null;
  }

  /** One taken item of `account` finished. */
  release(account: string): void {
    const running = (this.running.get(account) ?? 0) - 1;
    if (running > 0) this.running.set(account, running);
    else this.running.delete(account);
  }

  runningFor(account: string): number {
    return this.running.get(account) ?? 0;
  }

  get size(): number {
    return this.queued;
  }
}
