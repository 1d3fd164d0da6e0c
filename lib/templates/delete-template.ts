import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { NotFoundError } from '@/lib/errors';
import { toStoredTemplate, type StoredTemplate } from '@/lib/templates/stored-template';

/**
 * Deletes a channel's template by name: one language version with `language`, all of them without
 * (as WhatsApp does when a template is deleted by name). Its history goes with it.
 */
export async function deleteTemplate(
  db: Db,
  args: {
    accountId: string;
    channelId?: string;
    name?: string;
    language?: string | null;
    id?: string;
    also?: (tx: Prisma.TransactionClient, deleted: StoredTemplate[]) => Promise<void>;
  },
): Promise<StoredTemplate[]> {
  return db.$transaction(async (tx) => {
    const rows = await tx.template.findMany({
      where: {
        accountId: args.accountId,
        ...(args.id ? { id: args.id } : { channelId: args.channelId, name: args.name }),
        ...(args.language ? { language: args.language } : {}),
      },
    });
    if (!rows.length) throw new NotFoundError(`Template '${args.name ?? args.id}'${args.language ? ` in language '${args.language}'` : ''} not found`);
    await tx.template.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    const deleted = rows.map(toStoredTemplate);
    await args.also?.(tx, deleted);
    return deleted;
  });
}
