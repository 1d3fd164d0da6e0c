import 'server-only';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getPrincipal } from '@/app/_lib/session';
import { can, type Principal } from '@/lib/auth/principal';
import type { Permission } from '@/lib/auth/permissions';

export const ACCOUNT_COOKIE = 'parley_account';

export type ConsoleContext = { principal: Principal; account: { id: string; name: string } | null };

/** The signed-in user and the customer account they are working in (chosen in the account switcher). */
export async function getConsoleContext(): Promise<ConsoleContext | null> {
  const principal = await getPrincipal();
  if (!principal) return null;
  const chosen = (await cookies()).get(ACCOUNT_COOKIE)?.value;
  const account = principal.accounts.find((a) => a.id === chosen) ?? principal.accounts[0] ?? null;
  return { principal, account };
}

/** For pages: signed out → sign-in page; signed in without the permission → the 403 page. */
export async function requirePage(permission: Permission): Promise<ConsoleContext> {
  const ctx = await getConsoleContext();
  if (!ctx) redirect('/signin');
  if (!can(ctx.principal, permission)) forbidden();
  return ctx;
}

/** Like requirePage, for pages that work inside a customer account. */
export async function requireAccountPage(permission: Permission): Promise<ConsoleContext & { account: { id: string; name: string } }> {
  const ctx = await requirePage(permission);
  if (!ctx.account) forbidden();
  return ctx as ConsoleContext & { account: { id: string; name: string } };
}
