import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { transactWithRetry } from '@/lib/db/retry-when-busy';
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
    /** Who is acting (a user or an API key): one audit record per deleted language version, in the same transaction. */
    actor: Actor;
  },
): Promise<StoredTemplate[]> {
  return transactWithRetry(db, async (tx) => {
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
    for (const t of deleted) {
      await recordAuditEvent(tx, args.actor, {
        accountId: args.accountId,
        action: 'template.delete',
        entityType: 'template',
        entityId: t.id,
        summary: `Deleted template "${t.name}" (${t.language}) from ${t.channelId}`,
      });
    }
    return deleted;
  });
}
