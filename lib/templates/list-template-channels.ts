import type { Db } from '@/lib/db/client';

export type TemplateChannel = { id: string; name: string; address: string; subAccountId: string };

/** The account's WhatsApp channels: the places a template can be submitted to. */
export async function listTemplateChannels(db: Db, accountId: string): Promise<TemplateChannel[]> {
  return db.channel.findMany({
    where: { kind: 'whatsapp', subAccount: { accountId } },
    select: { id: true, name: true, address: true, subAccountId: true },
    orderBy: { name: 'asc' },
  });
}
