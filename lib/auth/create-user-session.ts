import crypto from 'node:crypto';
import type { Db } from '@/lib/db/client';

// A session lasts 12 hours from sign-in; the JWT cookie carries the same lifetime (lib/auth/nextauth.ts).
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export type NewSession = { userId: string; userAgent?: string | null; ipAddress?: string | null };

/**
 * Records a sign-in. The JWT carries only this row's id, so ending the row ends every copy of the
 * cookie at once (lib/auth/load-session-principal.ts checks it on each request).
 */
export async function createUserSession(db: Db, input: NewSession, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
  const id = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.userSession.create({
    data: {
      id,
      userId: input.userId,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ipAddress: input.ipAddress ?? null,
    },
  });
  return { id, expiresAt };
}
