import type { Db } from '@/lib/db/client';
import { verifyPassword } from '@/lib/auth/password';

export type CredentialsResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: 'invalid' | 'locked' | 'deactivated'; retryAfterMinutes?: number };

export type LockoutPolicy = { maxFailures: number; lockMinutes: number };

// A dummy hash so that an unknown email costs the same time as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$2ag9Yz+5J6Ae5ZOzEZO+AQ$8lJVdYEkX9akmB+nGvnz+1c0LaPm+nBRQqfshGU8N/8';

/**
 * Checks an email and password. After `maxFailures` wrong passwords in a row the account is locked
 * for `lockMinutes`; while locked even the right password is refused.
 */
export async function verifyCredentials(db: Db, email: string, password: string, policy: LockoutPolicy): Promise<CredentialsResult> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    await verifyPassword(DUMMY_HASH, password);
    return { ok: false, reason: 'invalid' };
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    return { ok: false, reason: 'locked', retryAfterMinutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) };
  }
  const good = await verifyPassword(user.passwordHash, password);
  if (!good) {
    const failures = user.failedLogins + 1;
    const lock = failures >= policy.maxFailures;
    await db.user.update({
      where: { id: user.id },
      data: lock
        ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) }
        : { failedLogins: failures },
    });
    return lock ? { ok: false, reason: 'locked', retryAfterMinutes: policy.lockMinutes } : { ok: false, reason: 'invalid' };
  }
  if (user.status !== 'active') return { ok: false, reason: 'deactivated' };
  await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}
