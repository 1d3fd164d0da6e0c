import type { Db } from '@/lib/db/client';
import { env } from '@/lib/env';

/**
 * Growing delays instead of lockouts. Each email gets `freeFailures` failed sign-ins and each client
 * address `freeFailuresAddress` (more: an office behind one NAT shares an address, and its people's
 * typos should not slow each other); after that every failure makes the next attempt wait 1 s, 2 s,
 * 4 s … up to a cap. An attempt inside the wait is refused without looking at the password.
 *
 * Why these caps (defaults 300 s per address, 30 s per email): the per-address delay is what slows a
 * guesser down (after ~8 minutes one address gets 12 guesses an hour), so it may be long; the
 * per-email delay is shared by everyone, the owner included, so it stays short — the owner never
 * waits more than 30 s however many addresses fail on their email, while guessing one account is
 * held to 120 attempts an hour and keeping it blocked takes ten addresses each at its own cap.
 */
export type ThrottlePolicy = {
  freeFailures: number;
  /** Per client address; `freeFailures` when absent. */
  freeFailuresAddress?: number;
  maxDelayAddressMs: number;
  maxDelayEmailMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
};

export function throttlePolicyFromEnv(): ThrottlePolicy {
  return {
    freeFailures: env.LOGIN_FREE_FAILURES,
    freeFailuresAddress: env.LOGIN_FREE_FAILURES_PER_ADDRESS,
    maxDelayAddressMs: env.LOGIN_MAX_DELAY_ADDRESS_SECONDS * 1000,
    maxDelayEmailMs: env.LOGIN_MAX_DELAY_EMAIL_SECONDS * 1000,
    forgetAfterMs: 60 * 60 * 1000,
  };
}

/** `pair` counts the address's failures on this one email: what a right password there forgives. */
export type ThrottleKeys = { address: string; email: string; pair: string };

export function throttleKeys(clientAddress: string, email: string): ThrottleKeys {
  return { address: `ip:${clientAddress}`, email: `email:${email}`, pair: `pair:${clientAddress}|${email}` };
}

/** How long the attempt after the `failures`-th failure must wait. */
export function delayAfter(failures: number, freeFailures: number, maxDelayMs: number): number {
  if (failures <= freeFailures) return 0;
  return Math.min(maxDelayMs, 1000 * 2 ** Math.min(failures - freeFailures - 1, 30));
}

export type Claim = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Takes the right to one password check for both keys, counting it as a failure up front: a success
 * settles both keys afterwards (settleSuccess), a failure is already counted. Counting first means a
 * burst of parallel attempts cannot all slip through the same open moment.
 */
export async function claimAttempt(db: Db, keys: ThrottleKeys, policy: ThrottlePolicy, now = new Date()): Promise<Claim> {
  // Look at both before charging either, so that an email already waiting does not also cost the
  // owner's (innocent) address a failure.
  const rows = await db.loginThrottle.findMany({ where: { key: { in: [keys.address, keys.email] } } });
  const waits = rows.map((r) => (r.blockedUntil ? r.blockedUntil.getTime() - now.getTime() : 0));
  const wait = Math.max(0, ...waits);
  if (wait > 0) return { ok: false, retryAfterMs: wait };
  for (const [key, free, cap] of [
    [keys.address, policy.freeFailuresAddress ?? policy.freeFailures, policy.maxDelayAddressMs],
    [keys.email, policy.freeFailures, policy.maxDelayEmailMs],
  ] as const) {
    const claim = await claimKey(db, key, free, cap, policy, now);
    if (!claim.ok) return claim;
  }
  const pair = await db.loginThrottle.findUnique({ where: { key: keys.pair } });
  const pairFailures = pair && now.getTime() - pair.lastFailureAt.getTime() <= policy.forgetAfterMs ? pair.failures : 0;
  await db.loginThrottle.upsert({
    where: { key: keys.pair },
    create: { key: keys.pair, failures: 1, lastFailureAt: now },
    update: { failures: pairFailures + 1, lastFailureAt: now },
  });
  if (Math.random() < 0.01) await forgetStale(db, policy, now);
  return { ok: true };
}

async function claimKey(db: Db, key: string, freeFailures: number, maxDelayMs: number, policy: ThrottlePolicy, now: Date): Promise<Claim> {
  // Compare-and-swap on the row's previous state; a lost race reads again and then sees the wait
  // the winner set (or, during the free failures, simply counts once more).
  for (let round = 0; round < 5; round++) {
    const row = await db.loginThrottle.findUnique({ where: { key } });
    if (row?.blockedUntil && row.blockedUntil > now) return { ok: false, retryAfterMs: row.blockedUntil.getTime() - now.getTime() };
    const forgotten = !row || now.getTime() - row.lastFailureAt.getTime() > policy.forgetAfterMs;
    const failures = (forgotten ? 0 : row.failures) + 1;
    const delay = delayAfter(failures, freeFailures, maxDelayMs);
    const data = { failures, lastFailureAt: now, blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null };
    if (!row) {
      try {
        await db.loginThrottle.create({ data: { key, ...data } });
        return { ok: true };
      } catch (err) {
        if ((err as { code?: string }).code === 'P2002') continue;
        throw err;
      }
    }
    const won = await db.loginThrottle.updateMany({ where: { key, failures: row.failures, lastFailureAt: row.lastFailureAt }, data });
    if (won.count === 1) return { ok: true };
  }
  return { ok: false, retryAfterMs: 1000 };
}

/**
 * After a right password: the email starts again from zero, and the address is forgiven only the
 * failures it made on this email (someone mistyping their own password). Clearing the whole address
 * would let a guesser with an account of their own sign into it between guesses and wipe the count
 * of every other email they tried.
 */
export async function settleSuccess(db: Db, keys: ThrottleKeys, policy: ThrottlePolicy): Promise<void> {
  const [row, pair] = await Promise.all([keys.address, keys.pair].map((key) => db.loginThrottle.findUnique({ where: { key } })));
  await db.loginThrottle.deleteMany({ where: { key: { in: [keys.email, keys.pair] } } });
  if (!row) return;
  const failures = Math.max(0, row.failures - Math.max(1, pair?.failures ?? 0));
  if (failures === 0) {
    await db.loginThrottle.deleteMany({ where: { key: keys.address, failures: row.failures } });
    return;
  }
  const delay = delayAfter(failures, policy.freeFailuresAddress ?? policy.freeFailures, policy.maxDelayAddressMs);
  await db.loginThrottle.updateMany({
    where: { key: keys.address, failures: row.failures },
    data: { failures, blockedUntil: delay > 0 ? new Date(row.lastFailureAt.getTime() + delay) : null },
  });
}

// Rows nobody failed on for forgetAfterMs count as zero anyway; now and then they are dropped so
// that a spray of made-up emails does not grow the table for ever.
async function forgetStale(db: Db, policy: ThrottlePolicy, now: Date): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now.getTime() - policy.forgetAfterMs) } } });
}
