import type { Db } from '@/lib/db/client';
import { loadPrincipal, type Principal } from '@/lib/auth/principal';
import { endUserSession } from '@/lib/auth/end-user-session';

/** What the session cookie (a JWT signed by Auth.js) says. */
export type SessionClaims = { userId?: string; sessionVersion?: number; sessionId?: string };

// lastSeenAt is for people reading the sessions table; writing it on every request would turn each
// page view into a write, so it is refreshed at most this often.
const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;

/**
 * The principal of a signed-in request, or null when the session has ended. The session row is read
 * by primary key on every request (no cache), so a sign-out elsewhere, in this or any other process,
 * applies to the very next request. The user's sessionVersion must match too: a password reset,
 * deactivation or role change bumps it, which ends all of their sessions at once.
 */
export async function loadSessionPrincipal(db: Db, claims: SessionClaims, now = new Date()): Promise<Principal | null> {
  // Cookies signed before sessions were recorded carry no session id: they cannot be ended, so refuse them.
  if (!claims.userId || !claims.sessionId) return null;
  const session = await db.userSession.findUnique({
    where: { id: claims.sessionId },
    select: { userId: true, expiresAt: true, revokedAt: true, lastSeenAt: true },
  });
  if (!session || session.userId !== claims.userId || session.revokedAt || session.expiresAt <= now) return null;
  const principal = await loadPrincipal(db, claims.userId, claims.sessionVersion ?? 0);
  if (!principal) {
    // Deactivated, deleted or sessionVersion bumped: this session can never come back, so say so.
    await endUserSession(db, claims.sessionId, now);
    return null;
  }
  if (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await db.userSession.update({ where: { id: claims.sessionId }, data: { lastSeenAt: now } });
  }
  return principal;
}
