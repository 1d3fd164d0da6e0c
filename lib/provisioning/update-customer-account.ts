import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { ConflictError } from '@/lib/errors';
import { accountNameSchema } from '@/lib/partners/create-customer-account';
import { accountView, ACCOUNT_VIEW_SELECT, type CustomerAccountView } from '@/lib/provisioning/account-view';
import { findManagedAccount } from '@/lib/provisioning/find-managed-account';
import { forgetAccountCaches } from '@/lib/provisioning/forget-account-caches';

export const updateCustomerAccountInput = z
  .object({
    name: accountNameSchema.optional(),
    // true suspends (API keys, sends refused), false resumes; the region never changes after creation.
    suspended: z.boolean({ error: 'suspended must be true or false' }).optional(),
  })
  .strict()
  .refine((v) => v.name !== undefined || v.suspended !== undefined, { message: 'Give a name or suspended to change' });

export type UpdateCustomerAccountOptions = {
  /** The account of the API key making the change: a key may not suspend the account it belongs to. */
  callerAccountId?: string;
};

/**
 * Renames, suspends or resumes a customer account the actor may manage, audited in the same
 * transaction (one entry per kind of change). Suspending keeps everything: resuming restores the
 * account's keys and sends exactly as they were.
 */
export async function updateCustomerAccount(
  db: Db,
  actor: AuditActor,
  accountId: string,
  raw: z.input<typeof updateCustomerAccountInput>,
  opts: UpdateCustomerAccountOptions = {},
): Promise<CustomerAccountView> {
  const input = parseWith(updateCustomerAccountInput, raw);
  const result = await db.$transaction(async (tx) => {
    const before = await findManagedAccount(tx, actor, accountId);
    if (input.suspended && opts.callerAccountId === accountId) {
      throw new ConflictError('An API key cannot suspend its own account: it would lock itself out. Use another account’s key or the console.', [
        { path: 'suspended', message: 'A key cannot suspend its own account' },
      ]);
    }
    const data: { name?: string; suspendedAt?: Date | null } = {};
    if (input.name !== undefined && input.name !== before.name) data.name = input.name;
    if (input.suspended !== undefined && input.suspended !== !!before.suspendedAt) data.suspendedAt = input.suspended ? new Date() : null;
    if (!Object.keys(data).length) return { after: before, suspensionChanged: false };
    const after = await tx.account.update({ where: { id: accountId }, data, select: ACCOUNT_VIEW_SELECT });
    if (data.name !== undefined) {
      await recordAuditEvent(tx, actor, {
        accountId,
        action: 'account.rename',
        entityType: 'account',
        entityId: accountId,
        summary: `Renamed customer account “${before.name}” to “${after.name}”`,
        changes: { before: { name: before.name }, after: { name: after.name } },
      });
    }
    if (data.suspendedAt !== undefined) {
      await recordAuditEvent(tx, actor, {
        accountId,
        action: data.suspendedAt ? 'account.suspend' : 'account.resume',
        entityType: 'account',
        entityId: accountId,
        summary: `${data.suspendedAt ? 'Suspended' : 'Resumed'} customer account “${after.name}”`,
        changes: { before: { suspended: !!before.suspendedAt }, after: { suspended: !!after.suspendedAt } },
      });
    }
    return { after, suspensionChanged: data.suspendedAt !== undefined };
  });
  if (result.suspensionChanged) forgetAccountCaches(accountId);
  return accountView(result.after);
}
