'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { partnerAction } from '@/app/_lib/action';
import { createCustomerAccount, createCustomerAccountInput } from '@/lib/partners/create-customer-account';
import { updateCustomerAccount } from '@/lib/provisioning/update-customer-account';

export const createAccountAction = partnerAction('partners.accounts.manage', createCustomerAccountInput, (input, ctx) =>
  createCustomerAccount(db, ctx.actor, input),
);

/** Renames, suspends or resumes: `change` is updateCustomerAccountInput, checked by the domain. */
export const updateAccountAction = partnerAction('partners.accounts.manage', z.object({ id: z.string().min(1), change: z.unknown() }), (input, ctx) =>
  updateCustomerAccount(db, ctx.actor, input.id, input.change as never),
);
