import type { Db } from '@/lib/db/client';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';
import { channelView, type ChannelView } from '@/lib/provisioning/channel-view';
import type { SubAccountView } from '@/lib/provisioning/create-sub-account';

/** A subaccount's channels (404 for another tenant's subaccount). */
export async function listChannels(db: Db, accountId: string, subAccountId: string): Promise<ChannelView[]> {
  const sub = await findSubAccount(db, accountId, subAccountId);
  return [...sub.channels].sort((a, b) => a.id.localeCompare(b.id)).map(channelView);
}

export type SubAccountWithChannels = SubAccountView & { channels: ChannelView[] };

/** Every subaccount of the account with its channels, for the Channels page. */
export async function listSubAccountsWithChannels(db: Db, accountId: string): Promise<SubAccountWithChannels[]> {
  const subs = await db.subAccount.findMany({ where: { accountId }, orderBy: { id: 'asc' }, include: { channels: { orderBy: { id: 'asc' } } } });
  return subs.map((s) => ({ id: s.id, accountId: s.accountId, name: s.name, createdAt: s.createdAt.toISOString(), channels: s.channels.map(channelView) }));
}
