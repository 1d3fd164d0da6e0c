import type { Step, Tx } from '@/lib/db/tx';
import { NotFoundError } from '@/lib/errors';
import { canSeeTicket, type ConverseViewer } from '@/lib/converse/converse-viewer';
import { readTicket, type TicketRow } from '@/lib/converse/ticket-rows';

/**
 * The ticket, if the viewer may see it. Another account's ticket, and for an agent another agent's,
 * is answered as not found: its existence is not theirs to learn.
 */
export function* requireVisibleTicket(tx: Tx, viewer: ConverseViewer, id: string): Step<TicketRow> {
  const t = yield* readTicket(tx, viewer.accountId, id);
  if (!t || !canSeeTicket(viewer, t)) throw new NotFoundError(`Ticket '${id}' not found`);
  return t;
}
