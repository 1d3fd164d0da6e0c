import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { seedDemoTenant, TEST_PASSWORD } from '@/test/factories';

const policy = { maxFailures: 3, lockMinutes: 15 };

describe('verifyCredentials', () => {
  beforeAll(seedDemoTenant);

  it('accepts the right password, case-insensitively on the email, and records the sign-in', async () => {
    const res = await verifyCredentials(db, '  Admin@Example.com ', TEST_PASSWORD, policy);
    expect(res).toMatchObject({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
    expect(user.lastLoginAt).not.toBeNull();
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    expect(await verifyCredentials(db, 'admin@example.com', 'wrong', policy)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCredentials(db, 'nobody@example.com', 'wrong', policy)).toEqual({ ok: false, reason: 'invalid' });
    // A success resets the count, so the failure above does not count towards the lockout below.
    expect((await verifyCredentials(db, 'admin@example.com', TEST_PASSWORD, policy)).ok).toBe(true);
  });

  it('locks after repeated failures, refusing even the right password until the lock ends', async () => {
    const email = 'sales@example.com';
    expect((await verifyCredentials(db, email, 'bad1', policy)).ok).toBe(false);
    expect((await verifyCredentials(db, email, 'bad2', policy)).ok).toBe(false);
    expect(await verifyCredentials(db, email, 'bad3', policy)).toEqual({ ok: false, reason: 'locked', retryAfterMinutes: 15 });
    expect(await verifyCredentials(db, email, TEST_PASSWORD, policy)).toMatchObject({ ok: false, reason: 'locked' });
    await db.user.update({ where: { email }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await verifyCredentials(db, email, TEST_PASSWORD, policy)).ok).toBe(true);
  });

  it('refuses a deactivated user', async () => {
    await db.user.update({ where: { email: 'analyst@example.com' }, data: { status: 'deactivated' } });
    expect(await verifyCredentials(db, 'analyst@example.com', TEST_PASSWORD, policy)).toEqual({ ok: false, reason: 'deactivated' });
  });
});
