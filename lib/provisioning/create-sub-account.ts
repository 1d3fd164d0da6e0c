import type { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { createSubAccountInput } from '@/lib/provisioning/channel-input';

export type SubAccountView = { id: string; accountId: string; name: string; createdAt: string };

/** Adds a subaccount to the account; ids are global, so a taken one is a 409 naming the field. */
export async function createSubAccount(db: Db, actor: Actor, accountId: string, raw: z.input<typeof createSubAccountInput>): Promise<SubAccountView> {
  const input = parseWith(createSubAccountInput, raw);
  return db.$transaction(async (tx) => {
    if (!(await tx.account.findUnique({ where: { id: accountId }, select: { id: true } }))) throw new NotFoundError(`Account '${accountId}' not found`);
    if (await tx.subAccount.findUnique({ where: { id: input.id }, select: { id: true } })) {
      const message = `The subaccount id '${input.id}' is already taken`;
      throw new ConflictError(message, [{ path: 'id', message }]);
    }
    const sub = await tx.subAccount.create({ data: { id: input.id, accountId, name: input.name } });
    await recordAuditEvent(tx, actor, {
      accountId,
      action: 'subaccount.create',
      entityType: 'subaccount',
      entityId: sub.id,
      summary: `Created subaccount “${sub.name}” (${sub.id})`,
      changes: { after: input },
    });
    return { id: sub.id, accountId, name: sub.name, createdAt: sub.createdAt.toISOString() };
  });
}
