import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { ConflictError } from '@/lib/errors';
import { REGION_IDS, regionLabel } from '@/lib/channels/regions';
import { accountView, ACCOUNT_VIEW_SELECT, type CustomerAccountView } from '@/lib/provisioning/account-view';

export const accountIdSchema = z
  .string({ error: 'Enter an id' })
  .trim()
  .regex(/^[a-z0-9_]{3,50}$/, 'Use 3–50 lower-case letters, digits or _');

export const accountNameSchema = z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(100, 'Keep the name under 100 characters');

export const createCustomerAccountInput = z.object({
  id: accountIdSchema,
  name: accountNameSchema,
  // The 8x8 platform region (reference docs, "Platform Deployment Regions"); fixed once created.
  region: z.enum(REGION_IDS, { error: 'Choose one of the regions: apac, eu, na or id' }).default('apac'),
});

/**
 * Adds a customer account (with its default subaccount of the same id) under the actor's partner. A
 * user whose access is a list of accounts gets the new one added to it, so the account they just made
 * is one they can open and onboard; "all accounts" already includes it.
 */
export async function createCustomerAccount(db: Db, actor: AuditActor, raw: z.input<typeof createCustomerAccountInput>): Promise<CustomerAccountView> {
  const input = parseWith(createCustomerAccountInput, raw);
  return db.$transaction(async (tx) => {
    // Ids are global (an account and its default subaccount share one), so any existing holder clashes.
    const taken =
      (await tx.account.findUnique({ where: { id: input.id }, select: { id: true } })) ??
      (await tx.subAccount.findUnique({ where: { id: input.id }, select: { id: true } }));
    if (taken) {
      const message = `The id '${input.id}' is already taken`;
      throw new ConflictError(message, [{ path: 'id', message }]);
    }
    const account = await tx.account.create({
      data: { id: input.id, partnerId: actor.partnerId, name: input.name, region: input.region },
      select: ACCOUNT_VIEW_SELECT,
    });
    await tx.subAccount.create({ data: { id: input.id, accountId: input.id, name: input.name } });
    if (actor.userId) {
      const user = await tx.user.findFirst({ where: { id: actor.userId, partnerId: actor.partnerId }, select: { allAccounts: true } });
      if (user && !user.allAccounts) await tx.userAccountAccess.create({ data: { userId: actor.userId, accountId: input.id } });
    }
    await recordAuditEvent(tx, actor, {
      accountId: input.id,
      action: 'account.create',
      entityType: 'account',
      entityId: input.id,
      summary: `Created customer account “${input.name}” in ${regionLabel(input.region)}`,
      changes: { after: input },
    });
    return accountView(account);
  });
}
