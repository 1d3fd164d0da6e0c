import { z } from 'zod';

export const PASSWORD_MIN = 12;

export const passwordField = z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`).max(200, 'Keep the password under 200 characters');

const accessFields = {
  roleId: z.string().min(1, 'Choose a role'),
  // "All accounts" includes accounts the partner adds later; otherwise exactly the listed ones.
  allAccounts: z.boolean().default(false),
  accountIds: z.array(z.string().min(1)).max(1000).default([]),
};

/** How the new person gets a password: typed by the admin now, or set by them through a one-time link. */
export const credentialSetup = z.enum(['link', 'password']);

export const createUserInput = z
  .object({
    email: z.string().trim().toLowerCase().min(1, 'Enter an email address').pipe(z.email('Enter a valid email address')),
    name: z.string().trim().min(1, 'Enter a name').max(100, 'Keep the name under 100 characters'),
    ...accessFields,
    setup: credentialSetup.default('link'),
    password: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.setup === 'password') {
      const r = passwordField.safeParse(v.password ?? '');
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['password'], message: r.error.issues[0]!.message });
    }
  });
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserAccessInput = z.object({
  userId: z.string().min(1),
  name: z.string().trim().min(1, 'Enter a name').max(100, 'Keep the name under 100 characters'),
  ...accessFields,
});
export type UpdateUserAccessInput = z.input<typeof updateUserAccessInput>;

export const setUserStatusInput = z.object({ userId: z.string().min(1), status: z.enum(['active', 'deactivated']) });
export type SetUserStatusInput = z.input<typeof setUserStatusInput>;

export const resetPasswordInput = z
  .object({ userId: z.string().min(1), setup: credentialSetup.default('link'), password: z.string().optional() })
  .superRefine((v, ctx) => {
    if (v.setup === 'password') {
      const r = passwordField.safeParse(v.password ?? '');
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['password'], message: r.error.issues[0]!.message });
    }
  });
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;

export const redeemPasswordLinkInput = z
  .object({ token: z.string().min(10).max(200), password: passwordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' });
export type RedeemPasswordLinkInput = z.input<typeof redeemPasswordLinkInput>;

export const USER_STATUSES = ['active', 'invited', 'deactivated'] as const;
export type UserStatusFilter = (typeof USER_STATUSES)[number];

export const listUsersFilter = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  roleId: z.string().max(100).optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
});
export type ListUsersFilter = z.infer<typeof listUsersFilter>;
