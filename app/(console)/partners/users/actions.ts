'use server';
import { db } from '@/lib/db/client';
import { partnerAction, type PartnerActionContext } from '@/app/_lib/action';
import { publicOrigin } from '@/app/_lib/public-origin';
import { getMailer } from '@/lib/email/get-mailer';
import { createUser } from '@/lib/partners/create-user';
import { updateUserAccess } from '@/lib/partners/update-user-access';
import { setUserStatus } from '@/lib/partners/set-user-status';
import { resetPassword } from '@/lib/partners/reset-password';
import type { PasswordLinkPurpose } from '@/lib/partners/create-password-link';
import { emailPasswordLink, type LinkDelivery } from '@/lib/partners/email-password-link';
import { createUserInput, resetPasswordInput, setUserStatusInput, updateUserAccessInput } from '@/lib/partners/user-input';

export const createUserAction = partnerAction('partners.users.manage', createUserInput, async (input, ctx) => {
  const user = await createUser(db, ctx.actor, input);
  return { ...user, delivery: await deliver(ctx, user.id, 'invite', user.link) };
});

export const updateUserAccessAction = partnerAction('partners.users.manage', updateUserAccessInput, (input, ctx) => updateUserAccess(db, ctx.actor, input));

export const setUserStatusAction = partnerAction('partners.users.manage', setUserStatusInput, (input, ctx) => setUserStatus(db, ctx.actor, input));

export const resetPasswordAction = partnerAction('partners.users.manage', resetPasswordInput, async (input, ctx) => {
  const reset = await resetPassword(db, ctx.actor, input);
  return { ...reset, delivery: await deliver(ctx, reset.id, 'reset', reset.link) };
});

// After the user and link are committed: emailed when SMTP is configured, else shown to the admin as before.
async function deliver(
  ctx: PartnerActionContext,
  userId: string,
  purpose: PasswordLinkPurpose,
  link: { path: string; expiresAt: Date } | null,
): Promise<LinkDelivery | null> {
  if (!link) return null;
  const mailer = getMailer();
  if (!mailer) return { status: 'manual' };
  const url = new URL(link.path, await publicOrigin()).href;
  return emailPasswordLink(db, ctx.actor, { userId, purpose, url, expiresAt: link.expiresAt }, mailer);
}
