import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import type { z } from 'zod';
import { accountAction, type ActionContext, type ActionResult } from '@/app/_lib/action';
import { getConsoleContext } from '@/app/_lib/console-context';
import { can } from '@/lib/auth/principal';
import { userViewer, type ConverseViewer } from '@/lib/converse/converse-viewer';

// Converse opens to agents and supervisors alike: either permission lets a person in (what each may
// do is lib/converse's rule, from the viewer), unlike the one-permission guards of other pages.

/** For the Converse pages: signed out → sign-in; without a Converse permission or an account → 403. */
export async function requireConversePage() {
  const ctx = await getConsoleContext();
  if (!ctx) redirect('/signin');
  if (!ctx.account || !(can(ctx.principal, 'converse.agent') || can(ctx.principal, 'converse.supervisor'))) forbidden();
  return { principal: ctx.principal, account: ctx.account, viewer: userViewer(ctx.principal, ctx.account.id) };
}

/**
 * A server action of the Converse pages: accountAction's session, account, input and error handling,
 * with whichever Converse permission the person holds (supervisor first), and the viewer lib/converse
 * decides with.
 */
export function converseAction<S extends z.ZodType, R>(schema: S, fn: (input: z.infer<S>, ctx: ActionContext & { viewer: ConverseViewer }) => Promise<R>) {
  return async (raw: z.input<S>): Promise<ActionResult<R>> => {
    const ctx = await getConsoleContext();
    const permission = ctx && can(ctx.principal, 'converse.supervisor') ? 'converse.supervisor' : 'converse.agent';
    return accountAction(permission, schema, (input, c) => fn(input, { ...c, viewer: userViewer(c.principal, c.accountId) }))(raw);
  };
}
