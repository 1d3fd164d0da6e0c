import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';

/** A subaccount of the given account, or 404: another tenant's subaccount is reported as missing. */
export async function findSubAccount(db: Db, accountId: string, subAccountId: string) {
  const sub = await db.subAccount.findFirst({ where: { id: subAccountId, accountId }, include: { channels: true } });
  if (!sub) throw new NotFoundError(`Subaccount '${subAccountId}' not found`);
  return sub;
}
