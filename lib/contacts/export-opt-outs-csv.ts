import type { Db } from '@/lib/db/client';
import { read } from '@/lib/db/tx';
import { decodeCursor, type LogsCursor } from '@/lib/messaging/logs/logs-cursor';
import { csvStream } from '@/lib/http/csv';
import { parseListQuery } from '@/lib/contacts/list-contacts';
import { OPT_OUT_LIST_PARAMS, optOutListQuerySchema, optOutsPage } from '@/lib/contacts/list-opt-outs';

const PAGE = 1000;

/** The opt-out list as CSV (msisdn, name, source, optedOutAt), newest first: what a compliance request asks for. */
export async function exportOptOutsCsv(db: Db, accountId: string, query: unknown): Promise<ReadableStream<Uint8Array>> {
  const filters = parseListQuery(optOutListQuerySchema, OPT_OUT_LIST_PARAMS, query);
  let cursor: LogsCursor | null = filters.cursor ? decodeCursor(filters.cursor) : null;
  let done = false;
  return csvStream(['msisdn', 'name', 'source', 'optedOutAt'], async () => {
    if (done) return null;
    const rows = await read(db, (t) => optOutsPage(t, accountId, filters, cursor, PAGE));
    if (rows.length < PAGE) done = true;
    const last = rows.at(-1);
    if (last) cursor = { createdAt: last.optedOutAt, id: last.msisdn };
    if (!rows.length) return null;
    return rows.map((o) => [o.msisdn, o.name ?? '', o.source, o.optedOutAt.toISOString()]);
  });
}
