import { NotFoundError } from '@/lib/errors';
import type { Tx } from '@/lib/partners/tx';

/**
 * Checks that every account id belongs to this partner. Another partner's account is reported as
 * missing, exactly like one that does not exist. "All accounts" keeps no explicit list.
 */
export async function resolveAccountAccess(tx: Tx, partnerId: string, allAccounts: boolean, accountIds: string[]): Promise<string[]> {
  if (allAccounts) return [];
  const wanted = [...new Set(accountIds)];
  if (!wanted.length) return [];
  const found = await tx.account.findMany({ where: { partnerId, id: { in: wanted } }, select: { id: true } });
  if (found.length !== wanted.length) throw new NotFoundError('Account not found');
  return wanted.sort();
}
