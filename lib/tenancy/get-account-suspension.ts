import type { Db } from '@/lib/db/client';

/** When the account was suspended, or null while it is active (the console's banner). */
export async function getAccountSuspension(db: Db, accountId: string): Promise<Date | null> {
  const a = await db.account.findUnique({ where: { id: accountId }, select: { suspendedAt: true } });
  return a?.suspendedAt ?? null;
}
