import { RECIPIENT_STATUSES, type RecipientStatus, type RowError } from '@/lib/campaigns/campaign-spec';
import { campaignRowOf } from '@/lib/campaigns/get-campaign';
import { pageLimit } from '@/lib/campaigns/list-campaigns';
import type { Db } from '@/lib/db/client';
import { readJson } from '@/lib/db/sql';
import { read } from '@/lib/db/tx';
import { ValidationError } from '@/lib/errors';
import { csvStream } from '@/lib/http/csv';

// A campaign's recipients in row order: the API's list (cursor pages) and the downloadable report
// (a CSV streamed a page at a time, so a million rows never sit in memory).

export type RecipientView = {
  row: number;
  msisdn: string;
  status: RecipientStatus;
  errors?: RowError[];
  umid?: string;
  errorCode?: number;
  errorMessage?: string;
};

export type RecipientQuery = { status?: string | null; limit?: number | string | null; cursor?: string | null };

type Row = { row: number; msisdn: string; status: string; errors: string | null; umid: string | null; errorCode: number | null; errorMessage: string | null };

function statusOf(raw: string | null | undefined): RecipientStatus | undefined {
  if (!raw) return undefined;
  if (!RECIPIENT_STATUSES.includes(raw as RecipientStatus))
    throw new ValidationError("Invalid parameter(s): 'status'", [{ path: 'status', message: `One of ${RECIPIENT_STATUSES.join(', ')}` }]);
  return raw as RecipientStatus;
}

function afterRow(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!/^\d{1,10}$/.test(text))
    throw new ValidationError("Invalid parameter(s): 'cursor'", [{ path: 'cursor', message: 'Use the nextCursor of a previous page' }]);
  return Number(text);
}

function view(r: Row): RecipientView {
  const errors = readJson<RowError[]>(r.errors);
  return {
    row: r.row,
    msisdn: r.msisdn,
    status: r.status as RecipientStatus,
    ...(errors?.length ? { errors } : {}),
    ...(r.umid ? { umid: r.umid } : {}),
    ...(r.errorCode != null ? { errorCode: r.errorCode } : {}),
    ...(r.errorMessage ? { errorMessage: r.errorMessage } : {}),
  };
}

async function page(db: Db, campaignId: string, status: RecipientStatus | undefined, after: number, limit: number): Promise<Row[]> {
  const select = 'SELECT "row", "msisdn", "status", "errors", "umid", "errorCode", "errorMessage" FROM "CampaignRecipient"';
  return read(db, (t) =>
    status
      ? t.all<Row>(`${select} WHERE "campaignId" = ? AND "status" = ? AND "row" > ? ORDER BY "row" LIMIT ?`, campaignId, status, after, limit)
      : t.all<Row>(`${select} WHERE "campaignId" = ? AND "row" > ? ORDER BY "row" LIMIT ?`, campaignId, after, limit),
  );
}

/** GET .../campaigns/{id}/recipients?status=: recipients in row order, a page at a time. */
export async function listRecipients(
  db: Db,
  accountId: string,
  id: string,
  query: RecipientQuery = {},
): Promise<{ data: RecipientView[]; nextCursor: string | null }> {
  const status = statusOf(query.status);
  const limit = pageLimit(query.limit, 1000, 100);
  const after = afterRow(query.cursor);
  await read(db, (t) => campaignRowOf(t, accountId, id));
  const rows = await page(db, id, status, after, limit + 1);
  const data = rows.slice(0, limit).map(view);
  return { data, nextCursor: rows.length > limit ? Buffer.from(String(data.at(-1)!.row)).toString('base64url') : null };
}

const CSV_COLUMNS = ['row', 'msisdn', 'status', 'column', 'code', 'message', 'umid', 'errorCode', 'errorMessage'];

/** A recipient's report lines: one, or one per problem of an invalid row. */
function csvRows(r: Row): unknown[][] {
  const tail = [r.umid, r.errorCode, r.errorMessage];
  const errors = readJson<RowError[]>(r.errors);
  if (!errors?.length) return [[r.row, r.msisdn, r.status, '', '', '', ...tail]];
  return errors.map((e) => [r.row, r.msisdn, r.status, e.column, e.code, e.message, ...tail]);
}

/**
 * The report as CSV (UTF-8, a header row): one line per recipient, one per problem for invalid rows.
 * Streamed a page at a time as the reader takes it. 404 for another account's campaign.
 */
export async function recipientsCsv(db: Db, accountId: string, id: string, query: { status?: string | null } = {}): Promise<ReadableStream<Uint8Array>> {
  const status = statusOf(query.status);
  await read(db, (t) => campaignRowOf(t, accountId, id));
  let after = 0;
  return csvStream(CSV_COLUMNS, async () => {
    const rows = await page(db, id, status, after, 2000);
    if (!rows.length) return null;
    after = rows.at(-1)!.row;
    return rows.flatMap(csvRows);
  });
}
