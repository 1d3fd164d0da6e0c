import type { Db } from '@/lib/db/client';
import { readDate, sqlDate } from '@/lib/db/sql';
import { type Dialect, read, type Step, type Tx } from '@/lib/db/tx';
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

// The umid of the message that started a run, from its data.
const PAYLOAD_UMID: Record<Dialect, string> = {
  sqlite: `json_extract("data", '$.payload.umid')`,
  postgres: `("data"->'payload'->>'umid')`,
};

/**
 * Where the ticket's conversation starts: the run that handed over began with the customer's message
 * that started it (the bot's whole part), else the last 50 messages before the hand-over.
 */
function* threadStart(tx: Tx, t: TicketRow): Step<Date> {
  if (t.workflowId) {
    const run = yield* tx.one<{ createdAt: string; umid: string | null }>(
      `SELECT "createdAt", ${PAYLOAD_UMID[tx.dialect]} AS "umid" FROM "WorkflowInstance" WHERE "id" = ? AND "accountId" = ?`,
      t.workflowId,
      t.accountId,
    );
    if (run) {
      // The message that started the run was stored a moment before the run itself.
      const first = run.umid
        ? yield* tx.one<{ createdAt: string }>('SELECT "createdAt" FROM "Message" WHERE "id" = ? AND "subAccountId" = ?', run.umid, t.subAccountId)
        : undefined;
      const started = readDate(run.createdAt);
      return first && readDate(first.createdAt) < started ? readDate(first.createdAt) : started;
    }
  }
  const before = yield* tx.all<{ createdAt: string }>(
    'SELECT "createdAt" FROM "Message" WHERE "subAccountId" = ? AND "msisdn" = ? AND "createdAt" <= ? ORDER BY "createdAt" DESC, "id" DESC LIMIT ?',
    t.subAccountId,
    t.msisdn,
    sqlDate(t.createdAt),
    BEFORE_HAND_OVER,
  );
  return before.length ? readDate(before.at(-1)!.createdAt) : t.createdAt;
}

export function* readNotes(tx: Tx, ticketId: string): Step<TicketNote[]> {
  const notes = yield* tx.all<{ id: string; authorId: string | null; authorLabel: string; text: string; createdAt: string }>(
    'SELECT "id", "authorId", "authorLabel", "text", "createdAt" FROM "ConverseNote" WHERE "ticketId" = ? ORDER BY "createdAt", "id"',
    ticketId,
  );
  return notes.map((n) => ({ id: n.id, authorId: n.authorId, author: n.authorLabel, text: n.text, createdAt: readDate(n.createdAt).toISOString() }));
}

/**
 * GET /converse/tickets/{id}: the ticket with its conversation (both directions, the bot's part before
 * the hand-over included, on the ticket's channel; a closed ticket's ends when it closed) and its internal notes.
 */
export async function getTicket(db: Db, viewer: ConverseViewer, id: string): Promise<TicketDetail> {
  const { ticket, start, notes } = await read(db, function* (tx) {
    const t = yield* requireVisibleTicket(tx, viewer, id);
    return { ticket: t, start: yield* threadStart(tx, t), notes: yield* readNotes(tx, t.id) };
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
