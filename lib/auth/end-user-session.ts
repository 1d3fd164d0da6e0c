import type { Db } from '@/lib/db/client';

/**
 * Signs one session out everywhere its cookie was copied to. Ending an ended session is a no-op.
 * (Ending all of a user's sessions is done by bumping User.sessionVersion: see loadSessionPrincipal.)
 */
export async function endUserSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
