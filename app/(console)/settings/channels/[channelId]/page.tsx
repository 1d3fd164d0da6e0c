import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { getChannelDetail } from '@/lib/provisioning/get-channel-detail';
import { requireAccountPage } from '@/app/_lib/console-context';
import { requestOrigin } from '@/app/_lib/request-origin';
import { ChannelClient } from './channel-client';

export const metadata: Metadata = { title: 'Channel' };

export default async function ChannelPage({ params }: { params: Promise<{ channelId: string }> }) {
  const { account, principal } = await requireAccountPage('settings.channels.manage');
  const { channelId } = await params;
  const detail = await getChannelDetail(db, account.id, decodeURIComponent(channelId), await requestOrigin()).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return <ChannelClient detail={detail} canSend={principal.permissions.has('messages.send')} />;
}
