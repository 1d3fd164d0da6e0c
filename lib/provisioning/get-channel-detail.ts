import type { Db } from '@/lib/db/client';
import { regionLabel } from '@/lib/channels/regions';
import { NotFoundError } from '@/lib/errors';
import { channelActivity, type ChannelActivity } from '@/lib/provisioning/channel-activity';
import { channelBaseUrl, channelView, channelWebhookUrl, type ChannelView } from '@/lib/provisioning/channel-view';

export type ChannelDetail = {
  channel: ChannelView;
  subAccountName: string;
  region: string;
  regionLabel: string;
  /** Where an 8x8 channel sends (the account region's base URL); shown for the sandbox too, as what 8x8 would use. */
  baseUrl: string;
  webhookUrl: string;
  activity: ChannelActivity;
  /** The channel's APPROVED templates, for a WhatsApp test send. */
  templates: { name: string; language: string; category: string }[];
  accountSuspended: boolean;
};

/** Everything the channel page shows, for a channel of the account (404 for any other). */
export async function getChannelDetail(db: Db, accountId: string, channelId: string, origin: string): Promise<ChannelDetail> {
  const row = await db.channel.findFirst({
    where: { id: channelId, subAccount: { accountId } },
    include: { subAccount: { select: { name: true, account: { select: { region: true, suspendedAt: true } } } } },
  });
  if (!row) throw new NotFoundError(`Channel '${channelId}' not found`);
  const [activity, templates] = await Promise.all([
    channelActivity(db, row),
    row.kind === 'whatsapp'
      ? db.template.findMany({
          where: { channelId: row.id, status: 'APPROVED' },
          select: { name: true, language: true, category: true },
          orderBy: [{ name: 'asc' }, { language: 'asc' }],
          take: 200,
        })
      : Promise.resolve([]),
  ]);
  const region = row.subAccount.account.region;
  return {
    channel: channelView(row),
    subAccountName: row.subAccount.name,
    region,
    regionLabel: regionLabel(region),
    baseUrl: channelBaseUrl(region, row.kind),
    webhookUrl: channelWebhookUrl(origin, row.id),
    activity,
    templates,
    accountSuspended: !!row.subAccount.account.suspendedAt,
  };
}
