import { all, readJson, type Sqlite } from '@/lib/db/sql';

// A campaign's audience "contacts tagged X", read where the campaign reads it (inside its own
// transaction or on its own connection).

export type AudienceContact = { msisdn: string; name: string | null; attributes: Record<string, string> };

const PAGE = `SELECT c."msisdn", c."name", c."attributes" FROM "ContactTag" t
  JOIN "Contact" c ON c."accountId" = t."accountId" AND c."msisdn" = t."msisdn"
  WHERE t."accountId" = ? AND t."tag" = ? AND t."msisdn" > ? ORDER BY t."msisdn" LIMIT ?`;

/**
 * The contacts with `tag`, in number order (stable: the same audience reads the same way twice). Read
 * a page at a time rather than through one open cursor, so that the caller may write on the same
 * connection between rows (better-sqlite3 refuses any statement while an iteration is open).
 */
export function* contactsWithTag(conn: Sqlite, accountId: string, tag: string, pageSize = 1000): Generator<AudienceContact> {
  let after = '';
  for (;;) {
    const rows = all<{ msisdn: string; name: string | null; attributes: string }>(conn, PAGE, accountId, tag, after, pageSize);
    for (const r of rows) yield { msisdn: r.msisdn, name: r.name, attributes: readJson<Record<string, string>>(r.attributes) ?? {} };
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.msisdn;
  }
}

/** How many contacts carry `tag` (the wizard's audience size before it reads them). */
export function countContactsWithTag(conn: Sqlite, accountId: string, tag: string): number {
  return all<{ n: number }>(conn, 'SELECT count(*) AS "n" FROM "ContactTag" WHERE "accountId" = ? AND "tag" = ?', accountId, tag)[0]?.n ?? 0;
}
