import type { Db } from '@/lib/db/client';
import { toStoredTemplate, type StoredTemplate } from '@/lib/templates/stored-template';

/**
 * The APPROVED template a send can use: templates belong to WhatsApp channels, a send names a
 * subaccount, so this looks across that subaccount's channels. If two channels both hold an approved
 * template with this name and language, the most recently changed one wins.
 */
export async function findApprovedTemplate(
  db: Db,
  args: { subAccountId: string; name: string; language: string },
): Promise<StoredTemplate | null> {
  const row = await db.template.findFirst({
    where: { subAccountId: args.subAccountId, name: args.name, language: args.language, status: 'APPROVED' },
    orderBy: { updatedAt: 'desc' },
  });
  return row ? toStoredTemplate(row) : null;
}
