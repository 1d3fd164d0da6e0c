import type { Db } from '@/lib/db/client';
import { type Dialect, read } from '@/lib/db/tx';
import { decodeCursor, type LogsCursor } from '@/lib/messaging/logs/logs-cursor';
import { csvStream } from '@/lib/http/csv';
import { CONTACT_LIST_PARAMS, contactListQuerySchema, contactsPage, parseListQuery } from '@/lib/contacts/list-contacts';

const PAGE = 1000;
// More columns than this is not a contact list a spreadsheet can show; the rest stay in the API.
const MAX_ATTRIBUTE_COLUMNS = 200;
// The attribute names in use, one column each (a JSON object's keys: json_each on SQLite, jsonb_object_keys on PostgreSQL).
const ATTRIBUTE_NAMES: Record<Dialect, string> = {
  sqlite: 'SELECT DISTINCT j."key" AS "key" FROM "Contact" c, json_each(c."attributes") j WHERE c."accountId" = ? ORDER BY 1 LIMIT ?',
  postgres: 'SELECT DISTINCT k AS "key" FROM "Contact" c, jsonb_object_keys(c."attributes") k WHERE c."accountId" = ? ORDER BY 1 LIMIT ?',
};
export const CONTACT_CSV_COLUMNS = ['msisdn', 'name', 'tags', 'optedOut', 'createdAt', 'updatedAt'] as const;

/**
 * The contacts matching `tag`/`search` as CSV: msisdn, name, tags (";"-separated), one column per
 * attribute name, optedOut and the dates. It reads back through the Contacts page's import: an
 * attribute whose name is one of the fixed columns is written as "attribute:<name>".
 */
export async function exportContactsCsv(db: Db, accountId: string, query: unknown): Promise<ReadableStream<Uint8Array>> {
  const filters = parseListQuery(contactListQuerySchema, CONTACT_LIST_PARAMS, query);
  if (filters.cursor) decodeCursor(filters.cursor); // a bad cursor is a 400 before the download starts
  const keys = await read(db, function* (t) {
    const rows = yield* t.all<{ key: string }>(ATTRIBUTE_NAMES[t.dialect], accountId, MAX_ATTRIBUTE_COLUMNS);
    return rows.map((r) => r.key);
  });
  const fixed = new Set<string>(CONTACT_CSV_COLUMNS);
  const header = ['msisdn', 'name', 'tags', ...keys.map((k) => (fixed.has(k) ? `attribute:${k}` : k)), 'optedOut', 'createdAt', 'updatedAt'];
  let cursor: LogsCursor | null = filters.cursor ? decodeCursor(filters.cursor) : null;
  let done = false;
  return csvStream(header, async () => {
    if (done) return null;
    const rows = await read(db, (t) => contactsPage(t, accountId, filters, cursor, PAGE));
    if (rows.length < PAGE) done = true;
    const last = rows.at(-1);
    if (last) cursor = { createdAt: last.updatedAt, id: last.msisdn };
    if (!rows.length) return null;
    return rows.map((c) => [
      c.msisdn,
      c.name ?? '',
      c.tags.join(';'),
      ...keys.map((k) => c.attributes[k] ?? ''),
      c.optedOut ? 'true' : 'false',
      c.createdAt.toISOString(),
      c.updatedAt.toISOString(),
    ]);
  });
}
