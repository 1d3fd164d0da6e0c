import type { Db } from '@/lib/db/client';
import { all, one, readDate, readNow, sqlDate, type Sqlite } from '@/lib/db/sql';
import { toApiMessage, type ApiMessage } from '@/lib/messaging/message-view';
import type { ConverseViewer } from '@/lib/converse/converse-viewer';
import { requireVisibleTicket } from '@/lib/converse/visible-ticket';
import type { TicketRow } from '@/lib/converse/ticket-rows';
import { toTicketView, type TicketView } from '@/lib/converse/ticket-view';

export type TicketNote = { id: string; authorId: string | null; author: string; text: string; createdAt: string };
export type TicketDetail = TicketView & { messages: ApiMessage[]; notes: TicketNote[] };

/** How much of the conversation before the hand-over a ticket shows when no workflow run handed over. */
const BEFORE_HAND_OVER = 50;
/** The most messages a ticket shows (its newest). */
const MAX_MESSAGES = 500;

/**
 * Where the ticket's conversation starts: the run that handed over began with the customer's message
 * that started it (the bot's whole part), else the last 50 messages before the hand-over.
 */
function threadStart(conn: Sqlite, t: TicketRow): Date {
  if (t.workflowId) {
    const run = one<{ createdAt: string; umid: string | null }>(
      conn,
      `SELECT "createdAt", json_extract("data", '$.payload.umid') AS "umid" FROM "WorkflowInstance" WHERE "id" = ? AND "accountId" = ?`,
      t.workflowId,
      t.accountId,
    );
    if (run) {
      // The message that started the run was stored a moment before the run itself.
      const first = run.umid
        ? one<{ createdAt: string }>(conn, 'SELECT "createdAt" FROM "Message" WHERE "id" = ? AND "subAccountId" = ?', run.umid, t.subAccountId)
        : undefined;
      const started = readDate(run.createdAt);
      return first && readDate(first.createdAt) < started ? readDate(first.createdAt) : started;
    }
  }
  const before = all<{ createdAt: string }>(
    conn,
    'SELECT "createdAt" FROM "Message" WHERE "subAccountId" = ? AND "msisdn" = ? AND "createdAt" <= ? ORDER BY "createdAt" DESC, "id" DESC LIMIT ?',
    t.subAccountId,
    t.msisdn,
    sqlDate(t.createdAt),
    BEFORE_HAND_OVER,
  );
  return before.length ? readDate(before.at(-1)!.createdAt) : t.createdAt;
}

export function readNotes(conn: Sqlite, ticketId: string): TicketNote[] {
  return all<{ id: string; authorId: string | null; authorLabel: string; text: string; createdAt: string }>(
    conn,
    'SELECT "id", "authorId", "authorLabel", "text", "createdAt" FROM "ConverseNote" WHERE "ticketId" = ? ORDER BY "createdAt", "id"',
    ticketId,
  ).map((n) => ({ id: n.id, authorId: n.authorId, author: n.authorLabel, text: n.text, createdAt: readDate(n.createdAt).toISOString() }));
}

/**
 * GET /converse/tickets/{id}: the ticket with its conversation (both directions, the bot's part before
 * the hand-over included, on the ticket's channel; a closed ticket's ends when it closed) and its internal notes.
 */
export async function getTicket(db: Db, viewer: ConverseViewer, id: string): Promise<TicketDetail> {
  const { ticket, start, notes } = await readNow(db, (conn) => {
    const t = requireVisibleTicket(conn, viewer, id);
    return { ticket: t, start: threadStart(conn, t), notes: readNotes(conn, t.id) };
  });
  const rows = await db.message.findMany({
    where: {
      subAccountId: ticket.subAccountId,
      msisdn: ticket.msisdn,
      channel: ticket.channel,
      createdAt: { gte: start, ...(ticket.closedAt ? { lte: ticket.closedAt } : {}) },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_MESSAGES,
  });
  return { ...toTicketView(ticket), messages: rows.reverse().map(toApiMessage), notes };
}
