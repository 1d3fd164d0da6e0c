import { cache } from 'react';
import { db } from '@/lib/db/client';
import { auth } from '@/lib/auth/nextauth';
import { loadPrincipal, type Principal } from '@/lib/auth/principal';

/** The signed-in user's principal for this request, or null. Loaded once per request. */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  const session = (await auth()) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId) return null;
  return loadPrincipal(db, session.userId, session.sessionVersion ?? 0);
});
