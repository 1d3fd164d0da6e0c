import type { Db } from '@/lib/db/client';
import { sqlDate } from '@/lib/db/sql';
import { read, type Step, type Tx } from '@/lib/db/tx';
import { parseWith } from '@/lib/api/read-json';
import { decodeCursor, encodeCursor } from '@/lib/messaging/logs/logs-cursor';
import { listTicketsQuerySchema, type ListTicketsQuery } from '@/lib/converse/converse-schemas';
import { visibleWhere, type ConverseViewer } from '@/lib/converse/converse-viewer';
import { readTicketRow, TICKET_COLUMNS, type TicketRow } from '@/lib/converse/ticket-rows';
import { toTicketView, type TicketView } from '@/lib/converse/ticket-view';

type Where = { sql: string[]; params: unknown[] };

/** The conditions of a view: the queue (queued, nobody's), mine (the viewer's), or everything the viewer sees. */
function viewWhere(viewer: ConverseViewer, view: 'queue' | 'mine' | 'all' | undefined, w: Where): void {
  const visible = visibleWhere(viewer);
  w.sql.push(visible.sql);
  w.params.push(...visible.params);
  if (view === 'queue') w.sql.push(`"status" = 'queued' AND "assigneeId" IS NULL`);
  if (view === 'mine') {
    // A key holds no tickets: its "mine" is empty.
    if (viewer.userId) {
      w.sql.push('"assigneeId" = ?');
      w.params.push(viewer.userId);
    } else w.sql.push('1 = 0');
  }
}

/**
 * GET /converse/tickets: the tickets the viewer may see, filtered by view, status ("open" is every
 * status but closed), assignee and subaccount. Newest first, as every list of the API, except the
 * queue, which is oldest first: the customer who has waited longest is served first.
 */
export async function listTickets(db: Db, viewer: ConverseViewer, query: ListTicketsQuery): Promise<{ data: TicketView[]; nextCursor: string | null }> {
  const q = parseWith(listTicketsQuerySchema, query);
  const w: Where = { sql: ['"accountId" = ?'], params: [viewer.accountId] };
  viewWhere(viewer, q.view, w);
  if (q.status === 'open') w.sql.push(`"status" <> 'closed'`);
  else if (q.status) {
    w.sql.push('"status" = ?');
    w.params.push(q.status);
  }
  if (q.assigneeId) {
    w.sql.push('"assigneeId" = ?');
    w.params.push(q.assigneeId);
  }
  if (q.subAccountId) {
    w.sql.push('"subAccountId" = ?');
    w.params.push(q.subAccountId);
  }
  const oldestFirst = q.view === 'queue';
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    w.sql.push(oldestFirst ? '("createdAt" > ? OR ("createdAt" = ? AND "id" > ?))' : '("createdAt" < ? OR ("createdAt" = ? AND "id" < ?))');
    w.params.push(sqlDate(c.createdAt), sqlDate(c.createdAt), c.id);
  }
  const order = oldestFirst ? '"createdAt", "id"' : '"createdAt" DESC, "id" DESC';
  const rows = await read(db, function* (t) {
    const found = yield* t.all<Record<string, unknown>>(
      `SELECT ${TICKET_COLUMNS} FROM "ConverseTicket" WHERE ${w.sql.join(' AND ')} ORDER BY ${order} LIMIT ?`,
      ...w.params,
      q.limit + 1,
    );
    return found.map((r) => readTicketRow(r));
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { data: page.map(toTicketView), nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** The console's lists: the longest waiting first, then the most recent activity. */
const INBOX_ORDER = `ORDER BY "waitingSince" IS NULL, "waitingSince", "lastMessageAt" DESC LIMIT 200`;

export type InboxLists = {
  queue: TicketRow[];
  mine: TicketRow[];
  /** Every not-closed ticket (supervisors); null for an agent. */
  all: TicketRow[] | null;
  /** Recently closed tickets the viewer may see. */
  closed: TicketRow[];
};

function* select(t: Tx, where: string, ...params: unknown[]): Step<TicketRow[]> {
  const rows = yield* t.all<Record<string, unknown>>(`SELECT ${TICKET_COLUMNS} FROM "ConverseTicket" WHERE "accountId" = ? AND ${where}`, ...params);
  return rows.map((r) => readTicketRow(r));
}

/** The Converse page's lists for the viewer, inside the caller's read. */
export function* readInbox(t: Tx, viewer: ConverseViewer): Step<InboxLists> {
  const a = viewer.accountId;
  const queue = yield* select(t, `"status" = 'queued' AND "assigneeId" IS NULL ORDER BY "createdAt" LIMIT 200`, a);
  const mine = viewer.userId ? yield* select(t, `"assigneeId" = ? AND "status" <> 'closed' ${INBOX_ORDER}`, a, viewer.userId) : [];
  const everything = viewer.seesAll ? yield* select(t, `"status" <> 'closed' ${INBOX_ORDER}`, a) : null;
  const visible = visibleWhere(viewer);
  const closed = yield* select(t, `"status" = 'closed' AND ${visible.sql} ORDER BY "closedAt" DESC LIMIT 50`, a, ...visible.params);
  return { queue, mine, all: everything, closed };
}

export async function loadInbox(db: Db, viewer: ConverseViewer): Promise<InboxLists> {
  return read(db, (t) => readInbox(t, viewer));
}

/**
 * What changed in the account's inbox, cheaply (one step down an index): the newest change of any
 * ticket, which every change raises (see nextStamp). The console polls it every second and reloads
 * the lists when it moves.
 */
export function* readInboxVersion(t: Tx, accountId: string): Step<string> {
  return (yield* t.one<{ at: string | null }>('SELECT max("updatedAt") AS "at" FROM "ConverseTicket" WHERE "accountId" = ?', accountId))?.at ?? '';
}
