import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createUserSession, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/create-user-session';
import { endUserSession } from '@/lib/auth/end-user-session';
import { loadSessionPrincipal } from '@/lib/auth/load-session-principal';
import { createUserWithPermissions, seedDemoTenant } from '@/test/factories';

async function signedIn() {
  const user = await createUserWithPermissions(['dashboard.view']);
  const session = await createUserSession(db, { userId: user.id, userAgent: 'vitest', ipAddress: '10.1.0.1' });
  return { user, claims: { userId: user.id, sessionVersion: user.sessionVersion, sessionId: session.id } };
}

describe('loadSessionPrincipal', () => {
  beforeAll(seedDemoTenant);

  it('loads the principal of a live session', async () => {
    const { user, claims } = await signedIn();
    expect(await loadSessionPrincipal(db, claims)).toMatchObject({ userId: user.id });
  });

  it('signing out ends every copy of the cookie at once', async () => {
    const { claims } = await signedIn();
    const copy = { ...claims };
    await endUserSession(db, claims.sessionId);
    expect(await loadSessionPrincipal(db, claims)).toBeNull();
    expect(await loadSessionPrincipal(db, copy)).toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: claims.sessionId } })).toMatchObject({ revokedAt: expect.any(Date) });
  });

  it('ends only that session: the same user signed in elsewhere stays signed in', async () => {
    const { user, claims } = await signedIn();
    const other = await createUserSession(db, { userId: user.id });
    await endUserSession(db, claims.sessionId);
    expect(await loadSessionPrincipal(db, { ...claims, sessionId: other.id })).toMatchObject({ userId: user.id });
  });

  it('refuses cookies signed before sessions were recorded (no session id)', async () => {
    const { user } = await signedIn();
    expect(await loadSessionPrincipal(db, { userId: user.id, sessionVersion: 0 })).toBeNull();
  });

  it('refuses an unknown session id, or one of another user', async () => {
    const { claims } = await signedIn();
    const { user: other } = await signedIn();
    expect(await loadSessionPrincipal(db, { ...claims, sessionId: 'made-up' })).toBeNull();
    expect(await loadSessionPrincipal(db, { ...claims, userId: other.id, sessionVersion: other.sessionVersion })).toBeNull();
  });

  it('refuses a session past its 12 hours', async () => {
    const { claims } = await signedIn();
    const later = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000 + 1000);
    expect(await loadSessionPrincipal(db, claims, later)).toBeNull();
  });

  it('a bumped sessionVersion (password reset, deactivation, role change) ends all of the user’s sessions and marks them ended', async () => {
    const { user, claims } = await signedIn();
    const second = await createUserSession(db, { userId: user.id });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadSessionPrincipal(db, claims)).toBeNull();
    expect(await loadSessionPrincipal(db, { ...claims, sessionId: second.id })).toBeNull();
    const rows = await db.userSession.findMany({ where: { userId: user.id } });
    expect(rows.every((r) => r.revokedAt)).toBe(true);
  });

  it('refreshes lastSeenAt at most every five minutes', async () => {
    const { claims } = await signedIn();
    const t0 = new Date(Date.now() + 60_000);
    await loadSessionPrincipal(db, claims, t0);
    const seen = async () => (await db.userSession.findUniqueOrThrow({ where: { id: claims.sessionId } })).lastSeenAt;
    const first = await seen();
    await loadSessionPrincipal(db, claims, new Date(t0.getTime() + 60_000));
    expect(await seen()).toEqual(first);
    await loadSessionPrincipal(db, claims, new Date(t0.getTime() + 6 * 60_000));
    expect((await seen())!.getTime()).toBe(t0.getTime() + 6 * 60_000);
  });
});
