import type { Db } from '@/lib/db/client';
import { locking } from '@/lib/db/tx-locks';
import { read, type Step, type Tx } from '@/lib/db/tx';
import { ConflictError, ValidationError } from '@/lib/errors';
import { sendMessage } from '@/lib/messaging/send-message';
import { sendSms } from '@/lib/messaging/send-sms';
import { isCswOpen, readWindow } from '@/lib/messaging/windows';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import type { ConverseViewer } from '@/lib/converse/converse-viewer';
import { nextStamp, saveTicket, type TicketRow } from '@/lib/converse/ticket-rows';
import { toTicketView, type TicketView } from '@/lib/converse/ticket-view';
import { assignInTransaction } from '@/lib/converse/update-ticket';
import { requireVisibleTicket } from '@/lib/converse/visible-ticket';

type ReplyBody = { type?: unknown; content?: unknown; clientMessageId?: unknown };

/** The 24 h customer service window of the ticket's conversation, as the reply box shows it. */
export type ReplyWindow = { open: boolean; expiresAt: string | null };

export function* windowOf(tx: Tx, t: Pick<TicketRow, 'subAccountId' | 'msisdn' | 'channel'>, at: Date): Step<ReplyWindow> {
  // SMS has no window: any text may go.
  if (t.channel !== 'whatsapp') return { open: true, expiresAt: null };
  const w = yield* readWindow(tx, t.subAccountId, t.msisdn);
  return { open: isCswOpen(w, at), expiresAt: w?.cswExpiresAt?.toISOString() ?? null };
}

/** A freeform message outside the window is refused here, with the window named, instead of ending undelivered (1022). */
function* assertMayGo(tx: Tx, t: TicketRow, type: string, at: Date): Step<void> {
  if (t.status === 'closed') throw new ConflictError('This ticket is closed: a closed ticket stays closed, and the next hand-over opens a new one');
  if (type === 'template' || t.channel !== 'whatsapp') return;
  const w = yield* windowOf(tx, t, at);
  if (w.open) return;
  const since = w.expiresAt ? `closed at ${w.expiresAt}` : 'is not open';
  throw new ConflictError(
    `The 24-hour customer service window ${since}: WhatsApp delivers no freeform message now. Send an approved template instead; the window opens again when the customer writes.`,
  );
}

const LOCK_TICKET = locking('SELECT 1 AS "x" FROM "ConverseTicket" WHERE "id" = ?');

/**
 * POST /converse/tickets/{id}/messages and the console's reply box: sends through the send pipeline
 * (a text or another freeform message inside the 24 h window, a template as the send API takes it,
 * at any time). The ticket's changes and the audit entry are written in the send's own transaction,
 * so a refused send leaves the ticket as it was. A person replying to a queued ticket takes it (within
 * their limit); the reply answers the customer, so nothing is unread or waiting any more.
 */
export async function replyToTicket(db: Db, viewer: ConverseViewer, id: string, body: unknown): Promise<{ umid: string; ticket: TicketView }> {
  const reply = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as ReplyBody;
  const type = typeof reply.type === 'string' ? reply.type.trim().toLowerCase() : '';
  if (!type) throw new ValidationError("Invalid parameter(s): 'type'", [{ path: 'type', message: "type is required: 'text', 'template', ..." }]);
  const before = await read(db, function* (tx) {
    const t = yield* requireVisibleTicket(tx, viewer, id);
    yield* assertMayGo(tx, t, type, new Date());
    return t;
  });
  // Set by each run of the send's transaction (PostgreSQL may run it again): the last run is the one that committed.
  let after: TicketRow = before;
  const alsoWrite = function* (tx: Tx): Step<void> {
    const at = new Date();
    // The send's transaction is READ COMMITTED (lib/db/tx.ts, LOCKING): the ticket is locked before it is read and changed.
    yield* tx.one(LOCK_TICKET[tx.dialect], id);
    let t = yield* requireVisibleTicket(tx, viewer, id);
    yield* assertMayGo(tx, t, type, at);
    if (t.status === 'queued' && !t.assigneeId && viewer.userId) t = yield* assignInTransaction(tx, viewer, t, viewer.userId, at);
    after = { ...t, unread: 0, waitingSince: null, lastMessageAt: at, updatedAt: yield* nextStamp(tx, t.accountId, at) };
    yield* saveTicket(tx, after);
    yield* insertAuditRow(
      tx,
      viewer.actor,
      {
        accountId: t.accountId,
        action: 'converse.ticket.reply',
        entityType: 'converse_ticket',
        entityId: t.id,
        summary: `Replied to ${t.msisdn} (${type})`,
        changes: { type, status: after.status, assigneeId: after.assigneeId },
      },
      at,
    );
  };
  const origin = { alsoWrite };
  const clientMessageId = typeof reply.clientMessageId === 'string' ? reply.clientMessageId : undefined;
  let umid: string;
  if (before.channel === 'sms') {
    const content = (reply.content ?? {}) as { text?: unknown };
    if (type !== 'text') throw new ValidationError("Invalid parameter(s): 'type'", [{ path: 'type', message: 'An SMS conversation takes text replies only' }]);
    umid = (
      await sendSms(db, {
        accountId: before.accountId,
        subAccountId: before.subAccountId,
        destination: before.msisdn,
        text: typeof content.text === 'string' ? content.text : '',
        clientMessageId,
        origin,
      })
    ).umid;
  } else {
    umid = (
      await sendMessage(db, {
        accountId: before.accountId,
        subAccountId: before.subAccountId,
        body: { ...reply, user: { msisdn: before.msisdn } },
        origin,
      })
    ).umid;
  }
  return { umid, ticket: toTicketView(after) };
}
