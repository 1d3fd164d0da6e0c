import type { Db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import type { ConverseViewer } from '@/lib/converse/converse-viewer';
import { nextStamp, saveTicket } from '@/lib/converse/ticket-rows';
import { requireVisibleTicket } from '@/lib/converse/visible-ticket';

/**
 * The assignee (or a supervisor) opened the ticket: its customer messages are read. A read receipt,
 * not a change anyone needs in the audit log (each agent opens tickets all day); writes nothing when
 * nothing was unread.
 */
export async function markTicketRead(db: Db, viewer: ConverseViewer, id: string): Promise<{ unread: 0 }> {
  await write(db, function* (tx) {
    const t = yield* requireVisibleTicket(tx, viewer, id);
    // Someone else's unread count stays theirs: a supervisor looking in does not clear the agent's badge.
    const mayRead = t.assigneeId === viewer.userId || (!t.assigneeId && viewer.supervisor);
    if (t.unread === 0 || !mayRead) return;
    yield* saveTicket(tx, { ...t, unread: 0, updatedAt: yield* nextStamp(tx, t.accountId, new Date()) });
  });
  return { unread: 0 };
}
