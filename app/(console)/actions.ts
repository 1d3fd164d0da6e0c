'use server';
import { cookies } from 'next/headers';
import { signOut } from '@/lib/auth/nextauth';
import { canAccessAccount } from '@/lib/auth/principal';
import { ACCOUNT_COOKIE } from '@/app/_lib/console-context';
import { getPrincipal } from '@/app/_lib/session';

export async function switchAccount(accountId: string): Promise<{ ok: boolean }> {
  const principal = await getPrincipal();
  if (!principal || typeof accountId !== 'string' || !canAccessAccount(principal, accountId)) return { ok: false };
  (await cookies()).set(ACCOUNT_COOKIE, accountId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 365 });
  return { ok: true };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/signin' });
}
