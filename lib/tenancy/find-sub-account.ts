import type { Db } from '@/lib/db/client';
import { AccountSuspendedError, NotFoundError } from '@/lib/errors';

/**
 * A subaccount of the given account, or 404: another tenant's subaccount is reported as missing. It
 * carries its account's suspension, so the send path checks it without another query.
 */
export async function findSubAccount(db: Db, accountId: string, subAccountId: string) {
  const sub = await db.subAccount.findFirst({
    where: { id: subAccountId, accountId },
    include: { channels: true, account: { select: { suspendedAt: true } } },
  });
  if (!sub) throw new NotFoundError(`Subaccount '${subAccountId}' not found`);
  return sub;
}

/** Sends are refused while the subaccount's account is suspended (partner admins suspend, then resume). */
export function assertAccountActive(sub: { accountId: string; account: { suspendedAt: Date | null } }): void {
  if (sub.account.suspendedAt) throw new AccountSuspendedError(sub.accountId, 'its messages are');
}
