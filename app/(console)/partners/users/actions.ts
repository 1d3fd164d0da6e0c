'use server';
import { db } from '@/lib/db/client';
import { partnerAction } from '@/app/_lib/action';
import { createUser } from '@/lib/partners/create-user';
import { updateUserAccess } from '@/lib/partners/update-user-access';
import { setUserStatus } from '@/lib/partners/set-user-status';
import { resetPassword } from '@/lib/partners/reset-password';
import { createUserInput, resetPasswordInput, setUserStatusInput, updateUserAccessInput } from '@/lib/partners/user-input';

export const createUserAction = partnerAction('partners.users.manage', createUserInput, (input, ctx) => createUser(db, ctx.actor, input));

export const updateUserAccessAction = partnerAction('partners.users.manage', updateUserAccessInput, (input, ctx) => updateUserAccess(db, ctx.actor, input));

export const setUserStatusAction = partnerAction('partners.users.manage', setUserStatusInput, (input, ctx) => setUserStatus(db, ctx.actor, input));

export const resetPasswordAction = partnerAction('partners.users.manage', resetPasswordInput, (input, ctx) => resetPassword(db, ctx.actor, input));
