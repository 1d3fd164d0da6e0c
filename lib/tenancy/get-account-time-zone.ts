import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';

/** The IANA zone the account's days are counted in (Dashboard, Reports, rollups). */
export async function getAccountTimeZone(db: Db, accountId: string): Promise<string> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { timeZone: true } });
  if (!account) throw new NotFoundError('Account not found');
  return account.timeZone;
}
