import type { Db } from '@/lib/db/client';

/**
 * An account's subaccounts with their channels, for pickers and the overview. Pages hand these rows
 * to the browser, so a channel's credentials (encrypted or not) are never read here.
 */
export function listAccountStructure(db: Db, accountId: string) {
  return db.subAccount.findMany({
    where: { accountId },
    orderBy: { id: 'asc' },
    include: { channels: { orderBy: { id: 'asc' }, omit: { credentials: true } } },
  });
}
