import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { readDate, sqlDate } from '@/lib/db/sql';
import { read, type Step, type Tx } from '@/lib/db/tx';
import { NotFoundError } from '@/lib/errors';
import { decodeCursor, encodeCursor, type LogsCursor } from '@/lib/messaging/logs/logs-cursor';
import { contactMsisdn } from '@/lib/contacts/contact-msisdn';
import { parseListQuery, searchClause } from '@/lib/contacts/list-contacts';
import { toOptOutView, type OptOutView } from '@/lib/contacts/opt-out-view';

// GET /accounts/{id}/opt-outs and the Opt-outs tab: newest first, keyset pages on (optedOutAt, msisdn).

export const OPT_OUT_LIST_PARAMS = ['search', 'limit', 'cursor', 'format'] as const;

export const optOutListQuerySchema = z.object({
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

export type OptOutFilters = { search?: string };
export type OptOutsPage = { data: OptOutView[]; nextCursor: string | null };

type Stored = { msisdn: string; source: string; optedOutAt: string; name: string | null };

/** One page of opt-outs (with the contact's name where there is a contact), after `cursor`. */
export function* optOutsPage(t: Tx, accountId: string, f: OptOutFilters, cursor: LogsCursor | null, take: number) {
  const where = ['o."accountId" = ?'];
  const params: unknown[] = [accountId];
  // As the contacts list; a name finds a number that has a contact.
  if (f.search) searchClause(f.search, 'o."msisdn"', 'c."name"', where, params);
  if (cursor) {
    where.push('(o."optedOutAt", o."msisdn") < (?, ?)');
    params.push(sqlDate(cursor.createdAt), cursor.id);
  }
  const rows = yield* t.all<Stored>(
    `SELECT o."msisdn", o."source", o."optedOutAt", c."name" FROM "OptOut" o
     LEFT JOIN "Contact" c ON c."accountId" = o."accountId" AND c."msisdn" = o."msisdn"
     WHERE ${where.join(' AND ')} ORDER BY o."optedOutAt" DESC, o."msisdn" DESC LIMIT ?`,
    ...params,
    take,
  );
  return rows.map((r) => ({ msisdn: r.msisdn, source: r.source, optedOutAt: readDate(r.optedOutAt), name: r.name }));
}

export async function listOptOuts(db: Db, accountId: string, query: unknown): Promise<OptOutsPage> {
  const q = parseListQuery(optOutListQuerySchema, OPT_OUT_LIST_PARAMS, query);
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await read(db, (t) => optOutsPage(t, accountId, q, cursor, q.limit + 1));
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => toOptOutView(r, r.name)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.optedOutAt, last.msisdn) : null,
  };
}

/** The number's opt-out with its contact's name, or null. */
export function* findOptOutView(t: Tx, accountId: string, msisdn: string): Step<OptOutView | null> {
  const r = yield* t.one<Stored>(
    `SELECT o."msisdn", o."source", o."optedOutAt", c."name" FROM "OptOut" o
     LEFT JOIN "Contact" c ON c."accountId" = o."accountId" AND c."msisdn" = o."msisdn" WHERE o."accountId" = ? AND o."msisdn" = ?`,
    accountId,
    msisdn,
  );
  return r ? toOptOutView({ ...r, optedOutAt: readDate(r.optedOutAt) }, r.name) : null;
}

/** Whether (and how and when) the number opted out; 404 when it has not. */
export async function getOptOut(db: Db, accountId: string, rawMsisdn: unknown): Promise<OptOutView> {
  const msisdn = contactMsisdn(rawMsisdn);
  const view = await read(db, (t) => findOptOutView(t, accountId, msisdn));
  if (!view) throw new NotFoundError(`'${msisdn}' has not opted out`);
  return view;
}
