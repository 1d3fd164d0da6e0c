import type { InboundConsumer } from '@/lib/messaging/inbound-consumers';
import { findOpenTicket, nextStamp, saveTicket } from '@/lib/converse/ticket-rows';

/**
 * Converse as an inbound consumer (registered in scripts/compose.ts beside automation): a customer's
 * message to a conversation agents hold goes to its ticket, in the message's own transaction — one
 * more unread, the last activity, waiting from now if nobody was, and a pending or resolved ticket
 * active again (queued when nobody holds it). Automation, for its part, starts and resumes nothing for
 * that conversation (route-inbound.ts).
 */
export const converseInboundConsumer: InboundConsumer = {
  name: 'converse',
  *decide(t, inbound) {
    // Locked: the message's transaction changes the ticket from what it read (lib/db/tx.ts, LOCKING).
    const ticket = yield* findOpenTicket(t, inbound, true);
    if (!ticket) return null;
    const at = new Date();
    const reopen = ticket.status === 'pending' || ticket.status === 'resolved';
    yield* saveTicket(t, {
      ...ticket,
      unread: ticket.unread + 1,
      lastMessageAt: at,
      waitingSince: ticket.waitingSince ?? at,
      status: reopen ? (ticket.assigneeId ? 'active' : 'queued') : ticket.status,
      statusAt: reopen ? at : ticket.statusAt,
      updatedAt: yield* nextStamp(t, ticket.accountId, at),
    });
    return null;
  },
};
