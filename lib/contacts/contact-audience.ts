import { readJson } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';

// A campaign's audience "contacts tagged X", read where the campaign reads it (inside its own
// transaction or in reads of its own).

export type AudienceContact = { msisdn: string; name: string | null; attributes: Record<string, string> };

const PAGE = `SELECT c."msisdn", c."name", c."attributes" FROM "ContactTag" t
  JOIN "Contact" c ON c."accountId" = t."accountId" AND c."msisdn" = t."msisdn"
  WHERE t."accountId" = ? AND t."tag" = ? AND t."msisdn" > ? ORDER BY t."msisdn" LIMIT ?`;

/**
 * One page of the contacts with `tag`, in number order after `after` (stable: the same audience reads
 * the same way twice); a page shorter than `pageSize` is the last. Read a page at a time rather than
 * through one open cursor, so that the caller may write between pages.
 */
export function* contactsWithTagPage(t: Tx, accountId: string, tag: string, after: string, pageSize = 1000): Step<AudienceContact[]> {
  const rows = yield* t.all<{ msisdn: string; name: string | null; attributes: string }>(PAGE, accountId, tag, after, pageSize);
  return rows.map((r) => ({ msisdn: r.msisdn, name: r.name, attributes: readJson<Record<string, string>>(r.attributes) ?? {} }));
}

/** How many contacts carry `tag` (the wizard's audience size before it reads them). */
export function* countContactsWithTag(t: Tx, accountId: string, tag: string): Step<number> {
  return (yield* t.one<{ n: number }>('SELECT count(*) AS "n" FROM "ContactTag" WHERE "accountId" = ? AND "tag" = ?', accountId, tag))?.n ?? 0;
}
