import type { Tx } from '@/lib/partners/tx';
import { NotFoundError } from '@/lib/errors';

/** A channel of the subaccount, the subaccount the account's; anything else (another tenant's) is a 404. */
export async function findAccountChannel(tx: Tx, accountId: string, subAccountId: string, channelId: string) {
  const channel = await tx.channel.findFirst({ where: { id: channelId, subAccountId, subAccount: { accountId } } });
  if (!channel) throw new NotFoundError(`Channel '${channelId}' not found`);
  return channel;
}
