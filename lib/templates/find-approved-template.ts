import type { Db } from '@/lib/db/client';
import { readDate, readJson } from '@/lib/db/sql';
import { read } from '@/lib/db/tx';
import { toStoredTemplate, type StoredTemplate } from '@/lib/templates/stored-template';

type TemplateRow = Omit<Parameters<typeof toStoredTemplate>[0], 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/**
 * The APPROVED template a send can use: templates belong to WhatsApp channels, a send names a
 * subaccount, so this looks across that subaccount's channels. If two channels both hold an approved
 * template with this name and language, the most recently changed one wins. Every template send
 * reads this, so it is one indexed statement rather than a Prisma query.
 */
export async function findApprovedTemplate(db: Db, args: { subAccountId: string; name: string; language: string }): Promise<StoredTemplate | null> {
  const row = await read(db, (t) =>
    t.one<TemplateRow>(
      `SELECT "id", "accountId", "subAccountId", "channelId", "name", "language", "category", "components", "status", "reason", "qualityScore", "createdAt", "updatedAt"
       FROM "Template" WHERE "subAccountId" = ? AND "name" = ? AND "language" = ? AND "status" = 'APPROVED' ORDER BY "updatedAt" DESC LIMIT 1`,
      args.subAccountId,
      args.name,
      args.language,
    ),
  );
  return row
    ? toStoredTemplate({ ...row, components: readJson(row.components), createdAt: readDate(row.createdAt), updatedAt: readDate(row.updatedAt) })
    : null;
}
