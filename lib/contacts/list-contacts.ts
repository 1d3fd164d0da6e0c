import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { sqlDate } from '@/lib/db/sql';
import { read, type Step, type Tx } from '@/lib/db/tx';
import { parseWith } from '@/lib/api/read-json';
import { ValidationError } from '@/lib/errors';
import { decodeCursor, encodeCursor, type LogsCursor } from '@/lib/messaging/logs/logs-cursor';
import { readContactRow, type ContactRow } from '@/lib/contacts/contact-rows';
import { toContactView, type ContactView } from '@/lib/contacts/contact-view';

// GET /accounts/{id}/contacts and the Contacts page: newest-updated first, keyset pages on
// (updatedAt, msisdn), which the (accountId, updatedAt, msisdn) index reads in order without sorting.

export const CONTACT_LIST_PARAMS = ['tag', 'search', 'limit', 'cursor', 'format'] as const;

export const contactListQuerySchema = z.object({
  tag: z.string().trim().min(1, 'tag must not be empty').max(64, 'tag is at most 64 characters').optional(),
  search: z.string().trim().max(100, 'search is at most 100 characters').optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(500, 'limit must be at most 500')
    .default(50),
  cursor: z.string().max(200, 'Use the nextCursor of a previous page').optional(),
  format: z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['json', 'csv'], { error: "format must be 'json' or 'csv'" }).optional()),
});

export type ContactFilters = Pick<z.infer<typeof contactListQuerySchema>, 'tag' | 'search'>;
export type ContactsPage = { data: ContactView[]; nextCursor: string | null };

/** Refuses a parameter it does not know (a misspelt filter would otherwise list every contact), then parses. */
export function parseListQuery<S extends z.ZodType>(schema: S, known: readonly string[], query: unknown): z.infer<S> {
  const names = new Set<string>(known);
  const unknown = query && typeof query === 'object' ? Object.keys(query).filter((k) => !names.has(k)) : [];
  if (unknown.length) {
    throw new ValidationError(
      `Invalid parameter(s): ${unknown.map((k) => `'${k}'`).join(', ')}`,
      unknown.map((path) => ({ path, message: `Unknown parameter; the parameters are ${known.join(', ')}` })),
    );
  }
  return parseWith(schema, query ?? {});
}

/** `s` anywhere in a LIKE pattern, its wildcards taken literally (ESCAPE '\\'). */
export const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A search by number or name: "+65 9123" finds +6591234567 (the number matched on its digits), any other
 * text matches the name as typed. Adds its condition and values to `where` and `params`.
 */
export function searchClause(search: string, msisdnColumn: string, nameColumn: string, where: string[], params: unknown[]): void {
  const digits = search.replace(/[\s().+-]/g, '');
  const byNumber = /^\d+$/.test(digits);
  // LIKE ignores (ASCII) case on SQLite only: LOWER on both sides makes PostgreSQL match as SQLite does.
  const byName = `LOWER(${nameColumn}) LIKE LOWER(CAST(? AS TEXT)) ESCAPE '\\'`;
  where.push(byNumber ? `(${msisdnColumn} LIKE ? ESCAPE '\\' OR ${byName})` : byName);
  if (byNumber) params.push(likeText(digits));
  params.push(likeText(search));
}

/** The SQL of one page of contacts matching the filters, after `cursor`, `take` rows. */
export function contactsPageQuery(accountId: string, f: ContactFilters, cursor: LogsCursor | null, take: number): { sql: string; params: unknown[] } {
  const where = ['c."accountId" = ?'];
  const params: unknown[] = [accountId];
  if (f.tag) {
    where.push('EXISTS (SELECT 1 FROM "ContactTag" t WHERE t."accountId" = c."accountId" AND t."tag" = ? AND t."msisdn" = c."msisdn")');
    params.push(f.tag);
  }
  if (f.search) searchClause(f.search, 'c."msisdn"', 'c."name"', where, params);
  if (cursor) {
    where.push('(c."updatedAt", c."msisdn") < (?, ?)');
    params.push(sqlDate(cursor.createdAt), cursor.id);
  }
  params.push(take);
  return {
    sql: `SELECT c.*, EXISTS (SELECT 1 FROM "OptOut" o WHERE o."accountId" = c."accountId" AND o."msisdn" = c."msisdn") AS "optedOut"
     FROM "Contact" c WHERE ${where.join(' AND ')} ORDER BY c."updatedAt" DESC, c."msisdn" DESC LIMIT ?`,
    params,
  };
}

/** One page of contacts matching the filters, after `cursor`, `take` rows. */
export function* contactsPage(
  t: Tx,
  accountId: string,
  f: ContactFilters,
  cursor: LogsCursor | null,
  take: number,
): Step<(ContactRow & { optedOut: boolean })[]> {
  const q = contactsPageQuery(accountId, f, cursor, take);
  const rows = yield* t.all<Record<string, unknown>>(q.sql, ...q.params);
  return rows.map((r) => ({ ...readContactRow(r as never), optedOut: !!r.optedOut }));
}

/** The account's contacts, filtered by `tag` and `search` (number or name), a page at a time. */
export async function listContacts(db: Db, accountId: string, query: unknown): Promise<ContactsPage> {
  const q = parseListQuery(contactListQuerySchema, CONTACT_LIST_PARAMS, query);
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await read(db, (t) => contactsPage(t, accountId, q, cursor, q.limit + 1));
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => toContactView(r, r.optedOut)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.updatedAt, last.msisdn) : null,
  };
}
