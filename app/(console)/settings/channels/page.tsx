import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { listSubAccountsWithChannels } from '@/lib/provisioning/list-channels';
import { requireAccountPage } from '@/app/_lib/console-context';
import { ChannelsClient } from './page-client';

export const metadata: Metadata = { title: 'Channels' };

export default async function ChannelsPage() {
  const { account } = await requireAccountPage('settings.channels.manage');
  const subAccounts = await listSubAccountsWithChannels(db, account.id);
  return <ChannelsClient accountName={account.name} subAccounts={subAccounts} />;
}
