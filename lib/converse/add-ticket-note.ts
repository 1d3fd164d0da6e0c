import type { Db } from '@/lib/db/client';
import { newId, sqlDate } from '@/lib/db/sql';
import { write } from '@/lib/db/tx';
import { parseWith } from '@/lib/api/read-json';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { noteSchema } from '@/lib/converse/converse-schemas';
import type { ConverseViewer } from '@/lib/converse/converse-viewer';
import type { TicketNote } from '@/lib/converse/get-ticket';
import { nextStamp, saveTicket } from '@/lib/converse/ticket-rows';
import { requireVisibleTicket } from '@/lib/converse/visible-ticket';

/**
 * POST /converse/tickets/{id}/notes and the console's note box: an internal note, seen by agents and
 * never sent to the customer. A closed ticket still takes notes (what happened, for the record).
 */
export async function addTicketNote(db: Db, viewer: ConverseViewer, id: string, body: unknown): Promise<TicketNote> {
  const { text } = parseWith(noteSchema, body === undefined ? {} : body);
  return write(db, function* (tx) {
    const at = new Date();
    const t = yield* requireVisibleTicket(tx, viewer, id);
    const note = { id: newId(), authorId: viewer.userId, author: viewer.name, text, createdAt: at.toISOString() };
    yield* tx.run(
      'INSERT INTO "ConverseNote" ("id", "ticketId", "authorId", "authorLabel", "text", "createdAt") VALUES (?, ?, ?, ?, ?, ?)',
      note.id,
      t.id,
      note.authorId,
      note.author,
      text,
      sqlDate(at),
    );
    // The note shows in the other agents' open thread at their next look.
    yield* saveTicket(tx, { ...t, updatedAt: yield* nextStamp(tx, t.accountId, at) });
    yield* insertAuditRow(
      tx,
      viewer.actor,
      {
        accountId: t.accountId,
        action: 'converse.note.add',
        entityType: 'converse_ticket',
        entityId: t.id,
        summary: `Internal note on the ticket with ${t.msisdn}`,
        changes: { noteId: note.id, text },
      },
      at,
    );
    return note;
  });
}
