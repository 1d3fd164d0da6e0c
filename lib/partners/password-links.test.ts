import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { loadPrincipal } from '@/lib/auth/principal';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { ValidationError } from '@/lib/errors';
import type { AuditActor } from '@/lib/audit/record-audit-event';
import { createUser } from '@/lib/partners/create-user';
import { resetPassword } from '@/lib/partners/reset-password';
import { setUserStatus } from '@/lib/partners/set-user-status';
import { findPasswordLink } from '@/lib/partners/find-password-link';
import { redeemPasswordLink } from '@/lib/partners/redeem-password-link';
import { createUserWithPermissions, seedDemoTenant, TEST_PASSWORD } from '@/test/factories';

let admin: AuditActor;
let salesRole: string;
const tokenOf = (path: string) => path.replace('/invite/', '');

beforeAll(async () => {
  await seedDemoTenant();
  const u = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
  admin = { partnerId: 'demo_partner', userId: u.id, label: u.email };
  salesRole = (await db.role.findFirstOrThrow({ where: { name: 'Sales Viewer' } })).id;
});

describe('one-time password links', () => {
  it('an invitation link sets the first password once, and is stored only as a hash', async () => {
    const res = await createUser(db, admin, { email: 'invitee@example.com', name: 'Invitee', roleId: salesRole, accountIds: ['acme_corp'], setup: 'link' });
    const token = tokenOf(res.link!.path);
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(await db.passwordLink.count({ where: { tokenHash: token } })).toBe(0);
    expect((await verifyCredentials(db, { email: 'invitee@example.com', password: 'anything-at-all', clientAddress: 'test' })).ok).toBe(false);
    expect(await findPasswordLink(db, token)).toMatchObject({ email: 'invitee@example.com', purpose: 'invite' });

    const mismatch = await redeemPasswordLink(db, { token, password: 'my-own-password-1', confirm: 'my-own-password-2' }).catch((e) => e);
    expect(mismatch.issues).toEqual([{ path: 'confirm', message: 'The passwords do not match' }]);

    expect(await redeemPasswordLink(db, { token, password: 'my-own-password-1', confirm: 'my-own-password-1' })).toEqual({ email: 'invitee@example.com' });
    expect((await verifyCredentials(db, { email: 'invitee@example.com', password: 'my-own-password-1', clientAddress: 'test' })).ok).toBe(true);
    const again = await redeemPasswordLink(db, { token, password: 'someone-elses-pass', confirm: 'someone-elses-pass' }).catch((e) => e);
    expect(again).toBeInstanceOf(ValidationError);
    expect(again.message).toMatch(/expired or was already used/);
    expect(await findPasswordLink(db, token)).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: res.id, action: 'user.set_password', actorLabel: 'invitee@example.com' } })).toBe(1);
  });

  it('a reset link voids the old password and sessions at once, and replaces any earlier link', async () => {
    const user = await createUserWithPermissions(['dashboard.view']);
    const first = await resetPassword(db, admin, { userId: user.id, setup: 'link' });
    const second = await resetPassword(db, admin, { userId: user.id, setup: 'link' });
    expect((await verifyCredentials(db, { email: user.email, password: TEST_PASSWORD, clientAddress: 'test' })).ok).toBe(false);
    expect(await loadPrincipal(db, user.id, 0)).toBeNull();
    expect(await findPasswordLink(db, tokenOf(first.link!.path))).toBeNull();
    const t2 = tokenOf(second.link!.path);
    expect(await findPasswordLink(db, t2)).toMatchObject({ purpose: 'reset' });
    await redeemPasswordLink(db, { token: t2, password: 'after-reset-password', confirm: 'after-reset-password' });
    expect((await verifyCredentials(db, { email: user.email, password: 'after-reset-password', clientAddress: 'test' })).ok).toBe(true);
  });

  it('an expired link, a made-up token and a deactivated user’s link do nothing', async () => {
    const user = await createUserWithPermissions(['dashboard.view']);
    const { link } = await resetPassword(db, admin, { userId: user.id, setup: 'link' });
    const token = tokenOf(link!.path);
    expect(await findPasswordLink(db, token, new Date(Date.now() + 25 * 3600_000))).toBeNull();
    expect(await findPasswordLink(db, 'made-up-token-made-up-token')).toBeNull();
    await setUserStatus(db, admin, { userId: user.id, status: 'deactivated' });
    const err = await redeemPasswordLink(db, { token, password: 'sneaky-password-1', confirm: 'sneaky-password-1' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });
});
