import { cache } from 'react';
import { db } from '@/lib/db/client';
import { auth } from '@/lib/auth/nextauth';
import type { Principal } from '@/lib/auth/principal';
import { loadSessionPrincipal, type SessionClaims } from '@/lib/auth/load-session-principal';

/** The signed-in user's principal for this request, or null (also when the session was ended). Loaded once per request. */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  const session = (await auth()) as SessionClaims | null;
  if (!session) return null;
  return loadSessionPrincipal(db, session);
});
