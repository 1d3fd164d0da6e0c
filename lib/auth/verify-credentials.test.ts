import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { verifyPassword } from '@/lib/auth/password';
import { verifyCredentials, type CredentialsResult } from '@/lib/auth/verify-credentials';
import { claimAttempt, delayAfter, throttleKeys, type ThrottlePolicy } from '@/lib/auth/login-throttle';
import { seedDemoTenant, createUserWithPermissions, TEST_PASSWORD } from '@/test/factories';

// Counting password verifications stands in for timing: every refusal must cost one argon2 check.
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/auth/password')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const policy: ThrottlePolicy = { freeFailures: 3, maxDelayAddressMs: 60_000, maxDelayEmailMs: 8_000, forgetAfterMs: 60 * 60_000 };
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

function attempt(email: string, password: string, clientAddress: string, now: Date): Promise<CredentialsResult> {
  return verifyCredentials(db, { email, password, clientAddress }, policy, now);
}

describe('verifyCredentials', () => {
  beforeAll(seedDemoTenant);

  it('accepts the right password, case-insensitively on the email, and records the sign-in', async () => {
    const res = await attempt('  Admin@Example.com ', TEST_PASSWORD, '10.0.0.1', new Date());
    expect(res).toMatchObject({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
    expect(user.lastLoginAt).not.toBeNull();
  });

  it('answers an unknown email, a wrong password, a deactivated user and a user without a password identically, each after one password check', async () => {
    const deactivated = await createUserWithPermissions(['dashboard.view']);
    await db.user.update({ where: { id: deactivated.id }, data: { status: 'deactivated' } });
    const invited = await createUserWithPermissions(['dashboard.view']);
    await db.user.update({ where: { id: invited.id }, data: { passwordHash: null } });
    const now = new Date();
    const cases: [string, string][] = [
      ['nobody@example.com', TEST_PASSWORD],
      ['sales@example.com', 'wrong'],
      [deactivated.email, TEST_PASSWORD], // the right password of a deactivated user
      [invited.email, TEST_PASSWORD],
    ];
    for (const [i, [email, password]] of cases.entries()) {
      vi.mocked(verifyPassword).mockClear();
      expect(await attempt(email, password, `10.0.1.${i}`, now)).toEqual({ ok: false });
      expect(verifyPassword).toHaveBeenCalledTimes(1);
    }
  });

  it('makes attempts wait a doubling delay after the free failures, refusing even the right password inside it with the same answer plus the wait', async () => {
    const user = await createUserWithPermissions(['dashboard.view']);
    const t0 = new Date();
    for (let i = 0; i < policy.freeFailures; i++) expect(await attempt(user.email, 'wrong', '10.0.2.1', t0)).toEqual({ ok: false });
    // The 4th failure starts the delay: 1 s.
    expect(await attempt(user.email, 'wrong', '10.0.2.1', t0)).toEqual({ ok: false });
    vi.mocked(verifyPassword).mockClear();
    const throttled = await attempt(user.email, TEST_PASSWORD, '10.0.2.1', at(t0, 500));
    expect(throttled).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(verifyPassword).toHaveBeenCalledTimes(1); // the dummy check, for the same cost
    // A wrong password inside the delay gets exactly the same answer.
    expect(await attempt(user.email, 'wrong', '10.0.2.1', at(t0, 500))).toEqual(throttled);
    // After the delay: another failure doubles it to 2 s …
    expect(await attempt(user.email, 'wrong', '10.0.2.1', at(t0, 1000))).toEqual({ ok: false });
    expect(await attempt(user.email, TEST_PASSWORD, '10.0.2.1', at(t0, 2500))).toEqual({ ok: false, retryAfterSeconds: 1 });
    // … and the right password once it has passed signs in and clears both counters: every failure
    // from this address was on this email (someone mistyping their own password).
    expect(await attempt(user.email, TEST_PASSWORD, '10.0.2.1', at(t0, 3000))).toMatchObject({ ok: true });
    expect(await db.loginThrottle.count({ where: { key: { in: ['ip:10.0.2.1', `email:${user.email}`, `pair:10.0.2.1|${user.email}`] } } })).toBe(0);
  });

  it('lets the owner in from another address however many wrong passwords were tried on their email', async () => {
    const owner = await createUserWithPermissions(['dashboard.view']);
    // An attacker with many addresses fails 40 times on the owner's email, as fast as the throttle allows.
    let now = new Date();
    let failures = 0;
    for (let i = 0; failures < 40; i++) {
      const res = await attempt(owner.email, `guess-${i}`, `10.0.3.${i % 200}`, now);
      expect(res.ok).toBe(false);
      if (res.ok === false && res.retryAfterSeconds) now = at(now, res.retryAfterSeconds * 1000);
      else failures++;
    }
    // The per-email wait never exceeds its cap, so the owner from a fresh address is in after at most that long.
    const first = await attempt(owner.email, TEST_PASSWORD, '192.0.2.7', now);
    if (!first.ok) {
      expect(first.retryAfterSeconds).toBeLessThanOrEqual(policy.maxDelayEmailMs / 1000);
      expect(await attempt(owner.email, TEST_PASSWORD, '192.0.2.7', at(now, policy.maxDelayEmailMs))).toMatchObject({ ok: true });
    }
    // The owner's address paid nothing for the wait.
    expect(await db.loginThrottle.findUnique({ where: { key: 'ip:192.0.2.7' } })).toBeNull();
  });

  it('throttles one address spraying many emails, up to the per-address cap', async () => {
    const t0 = new Date();
    for (let i = 0; i < policy.freeFailures; i++) expect(await attempt(`spray${i}@example.com`, 'x', '10.0.4.1', t0)).toEqual({ ok: false });
    let now = t0;
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      expect(await attempt(`spray-more${i}@example.com`, 'x', '10.0.4.1', now)).toEqual({ ok: false });
      const next = await attempt(`spray-next${i}@example.com`, 'x', '10.0.4.1', now);
      waits.push(next.ok ? 0 : (next.retryAfterSeconds ?? 0));
      now = at(now, (waits.at(-1) ?? 0) * 1000);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    // Another address is not affected.
    expect(await attempt('admin@example.com', TEST_PASSWORD, '10.0.4.2', now)).toMatchObject({ ok: true });
  });

  it("does not let a guesser wipe their address's count by signing into an account of their own between guesses", async () => {
    const victim = await createUserWithPermissions(['dashboard.view']);
    const own = await createUserWithPermissions(['dashboard.view']);
    let now = new Date();
    let guesses = 0;
    for (let i = 0; i < 12; i++) {
      const res = await attempt(victim.email, `guess-${i}`, '10.0.7.1', now);
      if (res.ok === false && !res.retryAfterSeconds) guesses++;
      if (res.ok === false && res.retryAfterSeconds) now = at(now, res.retryAfterSeconds * 1000);
      // Their own account, from the same address, whenever the address may try again.
      const mine = await attempt(own.email, TEST_PASSWORD, '10.0.7.1', now);
      if (mine.ok === false && mine.retryAfterSeconds) now = at(now, mine.retryAfterSeconds * 1000);
    }
    // The address still carries every wrong guess: its next attempt has to wait.
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: 'ip:10.0.7.1' } });
    expect(row.failures).toBeGreaterThanOrEqual(guesses);
    expect(row.blockedUntil!.getTime()).toBeGreaterThan(now.getTime() - 1);
  });

  it('gives an address more free failures than an email, so people sharing one address do not slow each other', async () => {
    const shared: ThrottlePolicy = { ...policy, freeFailuresAddress: 8 };
    const t0 = new Date();
    // Three people behind one office address each mistype twice: six failures, none of them delayed.
    for (const person of ['ann', 'bob', 'cy']) {
      for (let i = 0; i < 2; i++)
        expect(await verifyCredentials(db, { email: `${person}@office.example`, password: 'typo', clientAddress: '10.0.8.1' }, shared, t0)).toEqual({
          ok: false,
        });
    }
    // One email past its own three is delayed, wherever it is tried from.
    await verifyCredentials(db, { email: 'ann@office.example', password: 'typo', clientAddress: '10.0.8.1' }, shared, t0);
    await verifyCredentials(db, { email: 'ann@office.example', password: 'typo', clientAddress: '10.0.8.2' }, shared, t0);
    expect(await verifyCredentials(db, { email: 'ann@office.example', password: 'typo', clientAddress: '10.0.8.3' }, shared, t0)).toMatchObject({
      retryAfterSeconds: 1,
    });
    // The address reaches its own limit only after its eighth failure.
    expect(await db.loginThrottle.findUniqueOrThrow({ where: { key: 'ip:10.0.8.1' } })).toMatchObject({ failures: 7, blockedUntil: null });
  });

  it('counts a burst of parallel attempts once each: only one gets through an open moment', async () => {
    const keys = throttleKeys('10.0.5.1', 'burst@example.com');
    const t0 = new Date();
    for (let i = 0; i < policy.freeFailures; i++) expect(await claimAttempt(db, keys, policy, t0)).toEqual({ ok: true });
    const claims = await Promise.all(Array.from({ length: 10 }, () => claimAttempt(db, keys, policy, t0)));
    expect(claims.filter((c) => c.ok)).toHaveLength(1);
  });

  it('forgets failures after a quiet hour', async () => {
    const t0 = new Date();
    for (let i = 0; i < policy.freeFailures + 1; i++) await attempt('quiet@example.com', 'x', '10.0.6.1', t0);
    expect(await attempt('quiet@example.com', 'x', '10.0.6.1', t0)).toMatchObject({ retryAfterSeconds: 1 });
    const later = at(t0, policy.forgetAfterMs + 1);
    expect(await attempt('quiet@example.com', 'x', '10.0.6.1', later)).toEqual({ ok: false });
    expect(await db.loginThrottle.findUniqueOrThrow({ where: { key: 'ip:10.0.6.1' } })).toMatchObject({ failures: 1, blockedUntil: null });
  });

  it('delays double from 1 s and stop at the cap', () => {
    expect([3, 4, 5, 6, 7, 20].map((n) => delayAfter(n, 3, 8_000))).toEqual([0, 1000, 2000, 4000, 8000, 8000]);
    expect(delayAfter(10_000, 3, 300_000)).toBe(300_000);
  });
});
