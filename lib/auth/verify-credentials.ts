import type { Db } from '@/lib/db/client';
import { verifyPassword } from '@/lib/auth/password';
import { claimAttempt, settleSuccess, throttleKeys, throttlePolicyFromEnv, type ThrottlePolicy } from '@/lib/auth/login-throttle';
import { logger } from '@/lib/log/logger';

export type SignInAttempt = { email: string; password: string; clientAddress: string };

/**
 * A refusal says nothing about why: an unknown email, a wrong password and a deactivated user look
 * the same, so the answer cannot be used to find out which emails exist. Only a throttled attempt
 * adds how long to wait, which depends on the attempts made, not on the account.
 */
export type CredentialsResult = { ok: true; userId: string; sessionVersion: number } | { ok: false; retryAfterSeconds?: number };

// A dummy hash so that every refusal costs one argon2 verification, like a wrong password does.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$2ag9Yz+5J6Ae5ZOzEZO+AQ$8lJVdYEkX9akmB+nGvnz+1c0LaPm+nBRQqfshGU8N/8';

/**
 * Checks an email and password, throttled per client address and per email (lib/auth/login-throttle.ts).
 * Nobody is ever locked out: the owner's right password only waits out a short per-email delay.
 */
export async function verifyCredentials(
  db: Db,
  attempt: SignInAttempt,
  policy: ThrottlePolicy = throttlePolicyFromEnv(),
  now = new Date(),
): Promise<CredentialsResult> {
  const email = attempt.email.trim().toLowerCase();
  const keys = throttleKeys(attempt.clientAddress, email);
  const refuse = (reason: string): CredentialsResult => {
    logger.info({ email, clientAddress: attempt.clientAddress, reason }, 'sign-in refused');
    return { ok: false };
  };

  const claim = await claimAttempt(db, keys, policy, now);
  if (!claim.ok) {
    await verifyPassword(DUMMY_HASH, attempt.password);
    logger.info({ email, clientAddress: attempt.clientAddress, retryAfterMs: claim.retryAfterMs }, 'sign-in throttled');
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(claim.retryAfterMs / 1000)) };
  }
  const user = await db.user.findUnique({ where: { email } });
  // No user, or one still waiting to set a password: verify against the dummy, whose answer is ignored.
  const hash = user?.passwordHash ?? null;
  const matches = await verifyPassword(hash ?? DUMMY_HASH, attempt.password);
  if (!user) return refuse('unknown email');
  if (!hash || !matches) return refuse('wrong password');
  // Checked after the password so that a deactivated user costs the same as any other refusal.
  if (user.status !== 'active') return refuse('deactivated');
  await settleSuccess(db, keys, policy);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}
