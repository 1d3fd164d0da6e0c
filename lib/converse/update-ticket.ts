import type { Db } from '@/lib/db/client';
import { type Step, type Tx, write } from '@/lib/db/tx';
import { parseWith } from '@/lib/api/read-json';
import { ConflictError, PermissionError, ValidationError } from '@/lib/errors';
import { wakeBackgroundTask } from '@/lib/jobs/wake';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { AUTO_CLOSE_TASK, readConfig } from '@/lib/converse/converse-config';
import { updateTicketSchema, type TicketUpdate } from '@/lib/converse/converse-schemas';
import type { ConverseViewer } from '@/lib/converse/converse-viewer';
import { isAgent } from '@/lib/converse/list-agents';
import { ASSIGNED_OPEN, nextStamp, saveTicket, type TicketRow, type TicketStatus } from '@/lib/converse/ticket-rows';
import { toTicketView, type TicketView } from '@/lib/converse/ticket-view';
import { requireVisibleTicket } from '@/lib/converse/visible-ticket';

function* heldBy(tx: Tx, accountId: string, userId: string): Step<number> {
  return (
    (yield* tx.one<{ n: number }>(
      `SELECT count(*) AS "n" FROM "ConverseTicket" WHERE "accountId" = ? AND "assigneeId" = ? AND "status" IN (${ASSIGNED_OPEN.map(() => '?').join(', ')})`,
      accountId,
      userId,
      ...ASSIGNED_OPEN,
    ))?.n ?? 0
  );
}

/**
 * Gives the ticket to `assigneeId` (null: back to the queue). Refuses an agent who already holds
 * maxAssignedTicketsPerAgent open tickets with 409: the count and the assignment happen in the
 * caller's one write transaction, so two assignments at once cannot both slip under the limit.
 */
export function* assignInTransaction(tx: Tx, viewer: ConverseViewer, t: TicketRow, assigneeId: string | null, at: Date): Step<TicketRow> {
  if (assigneeId === t.assigneeId) return t;
  if (assigneeId === null) {
    if (!viewer.supervisor && t.assigneeId !== viewer.userId) throw new PermissionError('Only supervisors can take a ticket from another agent');
    return { ...t, assigneeId: null, ...(t.status === 'resolved' ? {} : { status: 'queued', statusAt: at }) };
  }
  if (assigneeId !== viewer.userId && !viewer.supervisor)
    throw new PermissionError('Only Converse supervisors and administrators can assign tickets to others');
  if (!(yield* isAgent(tx, t.accountId, assigneeId))) {
    throw new ValidationError("Invalid parameter(s): 'assigneeId'", [
      {
        path: 'assigneeId',
        message: 'Not a Converse agent of this account (a user whose role holds Converse Agent or Supervisor, with access to the account)',
      },
    ]);
  }
  const max = (yield* readConfig(tx, t.accountId)).maxAssignedTicketsPerAgent;
  const held = yield* heldBy(tx, t.accountId, assigneeId);
  if (held >= max) {
    const who = assigneeId === viewer.userId ? 'You already hold' : 'That agent already holds';
    throw new ConflictError(`${who} ${held} open tickets, the most an agent may hold (maxAssignedTicketsPerAgent is ${max})`);
  }
  return { ...t, assigneeId, ...(t.status === 'queued' ? { status: 'active', statusAt: at } : {}) };
}

const NEEDS_ASSIGNEE: readonly TicketStatus[] = ['active', 'pending'];

/** Moves the ticket to `status`: queued (back to the queue), active ↔ pending, resolved, closed. */
export function changeStatusInTransaction(viewer: ConverseViewer, t: TicketRow, status: TicketStatus, at: Date): TicketRow {
  if (status === t.status) return t;
  if (status === 'queued') {
    if (t.assigneeId && !viewer.supervisor && t.assigneeId !== viewer.userId)
      throw new PermissionError('Only supervisors can take a ticket from another agent');
    return { ...t, status, statusAt: at, assigneeId: null };
  }
  if (NEEDS_ASSIGNEE.includes(status) && !t.assigneeId) throw new ConflictError(`Assign the ticket to an agent before setting it ${status}`);
  const done = status === 'resolved' || status === 'closed';
  return { ...t, status, statusAt: at, ...(done ? { waitingSince: null } : {}), ...(status === 'closed' ? { closedAt: at } : {}) };
}

function describe(before: TicketRow, after: TicketRow): string {
  const parts: string[] = [];
  if (before.assigneeId !== after.assigneeId) parts.push(after.assigneeId ? `assigned to ${after.assigneeId}` : 'returned to the queue');
  if (before.status !== after.status) parts.push(`${before.status} → ${after.status}`);
  return `Ticket with ${after.msisdn}: ${parts.join(', ') || 'unchanged'}`;
}

/** Applies an update in the caller's write transaction and audits it; an update that changes nothing writes nothing. */
export function* updateInTransaction(tx: Tx, viewer: ConverseViewer, id: string, update: TicketUpdate, at: Date): Step<TicketRow> {
  const before = yield* requireVisibleTicket(tx, viewer, id);
  if (before.status === 'closed') throw new ConflictError('This ticket is closed: a closed ticket stays closed, and the next hand-over opens a new one');
  let after = before;
  if (update.assigneeId !== undefined) after = yield* assignInTransaction(tx, viewer, after, update.assigneeId, at);
  if (update.status !== undefined) after = changeStatusInTransaction(viewer, after, update.status, at);
  if (after === before) return before;
  after = { ...after, updatedAt: yield* nextStamp(tx, before.accountId, at) };
  yield* saveTicket(tx, after);
  yield* insertAuditRow(
    tx,
    viewer.actor,
    {
      accountId: before.accountId,
      action: 'converse.ticket.update',
      entityType: 'converse_ticket',
      entityId: before.id,
      summary: describe(before, after),
      changes: { before: { status: before.status, assigneeId: before.assigneeId }, after: { status: after.status, assigneeId: after.assigneeId } },
    },
    at,
  );
  return after;
}

/**
 * PATCH /converse/tickets/{id} `{ status?, assigneeId? }`, and the console's take, assign, pending,
 * resolve and close. Assigning happens before the status change, so "assign to Ana and set pending"
 * is one request.
 */
export async function updateTicket(db: Db, viewer: ConverseViewer, id: string, body: unknown): Promise<TicketView> {
  const update = parseWith(updateTicketSchema, body === undefined ? {} : body);
  const t = await write(db, (tx) => updateInTransaction(tx, viewer, id, update, new Date()));
  // A resolved or pending ticket is due to close later: the auto-close task looks again.
  if (t.status === 'resolved' || t.status === 'pending') wakeBackgroundTask(AUTO_CLOSE_TASK);
  return toTicketView(t);
}
