import type { Db } from '@/lib/db/client';

/** An account's subaccounts with their channels, for pickers and the overview. */
export function listAccountStructure(db: Db, accountId: string) {
  return db.subAccount.findMany({
    where: { accountId },
    orderBy: { id: 'asc' },
    include: { channels: { orderBy: { id: 'asc' } } },
  });
}
