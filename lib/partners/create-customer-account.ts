import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { ValidationError } from '@/lib/errors';

export const createCustomerAccountInput = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{3,50}$/, 'Use 3–50 lower-case letters, digits or _'),
  name: z.string().trim().min(1, 'Enter a name').max(100),
});

/**
 * Adds a customer account (with its default subaccount of the same id) under the partner. Parley has
 * no screen for this yet; scripts and end-to-end tests use it to give a partner a second account.
 */
export async function createCustomerAccount(db: Db, actor: AuditActor, raw: z.input<typeof createCustomerAccountInput>): Promise<{ id: string }> {
  const input = parseWith(createCustomerAccountInput, raw);
  return db.$transaction(async (tx) => {
    if (await tx.account.findUnique({ where: { id: input.id }, select: { id: true } })) {
      throw new ValidationError('An account with this id already exists', [{ path: 'id', message: 'An account with this id already exists' }]);
    }
    await tx.account.create({ data: { id: input.id, partnerId: actor.partnerId, name: input.name } });
    await tx.subAccount.create({ data: { id: input.id, accountId: input.id, name: input.name } });
    await recordAuditEvent(tx, actor, {
      accountId: input.id,
      action: 'account.create',
      entityType: 'account',
      entityId: input.id,
      summary: `Created customer account “${input.name}”`,
      changes: { after: input },
    });
    return { id: input.id };
  });
}
