import type { Db } from '@/lib/db/client';
import { NotFoundError, ValidationError } from '@/lib/errors';

/** The account's WhatsApp channel that templates live on; another tenant's channel is "not found". */
export async function findTemplateChannel(db: Db, accountId: string, channelId: string) {
  const channel = await db.channel.findFirst({ where: { id: channelId, subAccount: { accountId } } });
  if (!channel) throw new NotFoundError(`Channel '${channelId}' not found`);
  if (channel.kind !== 'whatsapp')
    throw new ValidationError(`Channel '${channelId}' is a ${channel.kind} channel: templates belong to WhatsApp channels`, [
      { path: 'channelId', message: 'Templates can only be created on a WhatsApp channel' },
    ]);
  return channel;
}
