import { readDate, readJson } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
import type { ApprovedTemplate } from '@/lib/messaging/template-port';
import { toStoredTemplate } from '@/lib/templates/stored-template';

type TemplateRow = { id: string; updatedAt: string };

// Parsed templates by id and version: a batch of 500 sends reads the row, not its components again.
const parsed = new Map<string, { updatedAt: string; template: ApprovedTemplate }>();

/**
 * The APPROVED template a campaign sends, read inside the caller's write transaction, with the same
 * rule as the API's send (lib/templates/find-approved-template.ts: the subaccount's most recently
 * changed approved one with that name and language), or null when there is none any more.
 */
export function* approvedTemplateRow(t: Tx, args: { subAccountId: string; name: string; language: string }): Step<ApprovedTemplate | null> {
  const head = yield* t.one<TemplateRow>(
    `SELECT "id", "updatedAt" FROM "Template" WHERE "subAccountId" = ? AND "name" = ? AND "language" = ? AND "status" = 'APPROVED' ORDER BY "updatedAt" DESC LIMIT 1`,
    args.subAccountId,
    args.name,
    args.language,
  );
  if (!head) return null;
  const known = parsed.get(head.id);
  if (known && known.updatedAt === head.updatedAt) return known.template;
  const row = (yield* t.one<Record<string, unknown>>(
    `SELECT "id", "accountId", "subAccountId", "channelId", "name", "language", "category", "components", "status", "reason", "qualityScore", "createdAt", "updatedAt"
     FROM "Template" WHERE "id" = ?`,
    head.id,
  ))!;
  const template = toStoredTemplate({
    ...(row as Parameters<typeof toStoredTemplate>[0]),
    components: readJson(row.components),
    createdAt: readDate(row.createdAt),
    updatedAt: readDate(row.updatedAt),
  });
  if (parsed.size > 1000) parsed.clear();
  parsed.set(head.id, { updatedAt: head.updatedAt, template });
  return template;
}
