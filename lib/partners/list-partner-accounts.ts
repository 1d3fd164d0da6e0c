import type { Db } from '@/lib/db/client';

/** The partner's customer accounts: the choices when granting a user access. */
export function listPartnerAccounts(db: Db, partnerId: string): Promise<{ id: string; name: string }[]> {
  return db.account.findMany({ where: { partnerId }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}
