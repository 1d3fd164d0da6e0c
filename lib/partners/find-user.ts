import { NotFoundError } from '@/lib/errors';
import type { Tx } from '@/lib/partners/tx';

/** A user of this partner with their role and account list; another partner's user is reported as missing. */
export async function findUser(tx: Tx, partnerId: string, userId: string) {
  const user = await tx.user.findFirst({
    where: { id: userId, partnerId },
    include: { role: { select: { id: true, name: true } }, accountAccess: { select: { accountId: true } } },
  });
  if (!user) throw new NotFoundError('User not found');
  return user;
}
