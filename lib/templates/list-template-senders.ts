import type { Db } from '@/lib/db/client';

export type TemplateSender = { subAccountId: string; subAccountName: string; channelName: string };

/**
 * The subaccounts that can send this template now: a send names a subaccount, and finds the template
 * APPROVED among that subaccount's WhatsApp channels (find-approved-template.ts), so these are the
 * subaccounts holding an approved template with this name and language.
 */
export async function listTemplateSenders(db: Db, args: { accountId: string; name: string; language: string }): Promise<TemplateSender[]> {
  const rows = await db.template.findMany({
    where: { accountId: args.accountId, name: args.name, language: args.language, status: 'APPROVED' },
    select: { subAccountId: true, channelId: true },
    orderBy: { updatedAt: 'desc' },
  });
  const [subs, channels] = await Promise.all([
    db.subAccount.findMany({ where: { accountId: args.accountId, id: { in: rows.map((r) => r.subAccountId) } }, select: { id: true, name: true } }),
    db.channel.findMany({ where: { id: { in: rows.map((r) => r.channelId) } }, select: { id: true, name: true } }),
  ]);
  const seen = new Set<string>();
  return rows.flatMap((r) => {
    const sub = subs.find((s) => s.id === r.subAccountId);
    if (!sub || seen.has(sub.id)) return [];
    seen.add(sub.id);
    return [{ subAccountId: sub.id, subAccountName: sub.name, channelName: channels.find((c) => c.id === r.channelId)?.name ?? r.channelId }];
  });
}
