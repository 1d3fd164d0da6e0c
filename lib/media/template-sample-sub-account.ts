import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';

/**
 * Where a template's sample header file is stored: the subaccount that owns the template's channel, or
 * the account's first subaccount while no channel is chosen yet. Another tenant's channel is "not found"
 * (it used to fall back to the first subaccount silently).
 */
export async function templateSampleSubAccount(db: Db, accountId: string, channelId: string | null): Promise<string> {
  if (channelId) {
    const channel = await db.channel.findFirst({ where: { id: channelId, subAccount: { accountId } }, select: { subAccountId: true } });
    if (!channel) throw new NotFoundError(`Channel '${channelId}' not found`);
    return channel.subAccountId;
  }
  const sub = await db.subAccount.findFirst({ where: { accountId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
  if (!sub) throw new NotFoundError('This account has no subaccount to store the file in');
  return sub.id;
}
