import type { Actor } from '@/lib/audit/record-audit-event';
import { newId, readDate, readDateOrNull, sqlDate } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
import { locking, lockKey } from '@/lib/db/tx-locks';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';

// The ticket rows, read and written inside the caller's write transaction. A leaf of lib/converse:
// the SendToConverse step and automation's inbound routing import it, so it imports nothing of
// lib/automation (nor of lib/messaging), only the SQL helpers.

export const TICKET_STATUSES = ['queued', 'active', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** Every status but closed: a ticket in one of these holds the conversation (its messages start no workflow). */
export const NOT_CLOSED: readonly TicketStatus[] = ['queued', 'active', 'pending', 'resolved'];
/** The statuses that count against an agent's maxAssignedTicketsPerAgent. */
export const ASSIGNED_OPEN: readonly TicketStatus[] = ['active', 'pending'];

export type TicketRow = {
  id: string;
  accountId: string;
  subAccountId: string;
  channel: string;
  msisdn: string;
  customerName: string | null;
  status: TicketStatus;
  assigneeId: string | null;
  workflowId: string | null;
  definitionId: string | null;
  unread: number;
  lastMessageAt: Date;
  waitingSince: Date | null;
  statusAt: Date;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
};

/** One customer's conversation on one subaccount and channel: a ticket's key. */
export type Conversation = { accountId: string; subAccountId: string; channel: string; msisdn: string };

type Raw = Record<string, unknown>;

export const TICKET_COLUMNS = `"id", "accountId", "subAccountId", "channel", "msisdn", "customerName", "status", "assigneeId", "workflowId", "definitionId",
  "unread", "lastMessageAt", "waitingSince", "statusAt", "createdAt", "updatedAt", "closedAt"`;

export function readTicketRow(r: Raw): TicketRow {
  return {
    id: String(r.id),
    accountId: String(r.accountId),
    subAccountId: String(r.subAccountId),
    channel: String(r.channel),
    msisdn: String(r.msisdn),
    customerName: (r.customerName as string | null) ?? null,
    status: r.status as TicketStatus,
    assigneeId: (r.assigneeId as string | null) ?? null,
    workflowId: (r.workflowId as string | null) ?? null,
    definitionId: (r.definitionId as string | null) ?? null,
    unread: Number(r.unread),
    lastMessageAt: readDate(r.lastMessageAt),
    waitingSince: readDateOrNull(r.waitingSince),
    statusAt: readDate(r.statusAt),
    createdAt: readDate(r.createdAt),
    updatedAt: readDate(r.updatedAt),
    closedAt: readDateOrNull(r.closedAt),
  };
}

/** A number as messages store it: E.164 with its "+" (a step may give "6591234567" or "+65 9123 4567"). */
export function toE164(msisdn: string): string {
  return `+${msisdn.replace(/\D/g, '')}`;
}

/** The ticket of the account with this id, or undefined (another account's ticket is not there). */
export function* readTicket(t: Tx, accountId: string, id: string): Step<TicketRow | undefined> {
  const r = yield* t.one<Raw>(`SELECT ${TICKET_COLUMNS} FROM "ConverseTicket" WHERE "id" = ? AND "accountId" = ?`, id, accountId);
  return r ? readTicketRow(r) : undefined;
}

const OPEN_FOR = `SELECT ${TICKET_COLUMNS} FROM "ConverseTicket"
  WHERE "subAccountId" = ? AND "channel" = ? AND "msisdn" = ? AND "status" IN ('queued', 'active', 'pending', 'resolved') AND "accountId" = ?
  ORDER BY "createdAt" LIMIT 1`;

const OPEN_FOR_LOCKED = locking(OPEN_FOR);

/** The conversation's not-closed ticket, if any (there is at most one: openTicket joins it). */
export function* findOpenTicket(t: Tx, c: Conversation, lock = false): Step<TicketRow | undefined> {
  const r = yield* t.one<Raw>(lock ? OPEN_FOR_LOCKED[t.dialect] : OPEN_FOR, c.subAccountId, c.channel, toE164(c.msisdn), c.accountId);
  return r ? readTicketRow(r) : undefined;
}

/** Whether agents hold the conversation: while they do, its messages start and resume no workflow. */
export function* hasOpenTicket(t: Tx, c: Conversation): Step<boolean> {
  return !!(yield* findOpenTicket(t, c));
}

/**
 * The next change time of the account's tickets: now, or a millisecond past the newest change when the
 * clock has not moved on. The inbox's live version is the newest updatedAt, so every change must raise it.
 */
export function* nextStamp(t: Tx, accountId: string, at: Date): Step<Date> {
  // Two changes committing with one stamp could hide the second from an inbox that read between them.
  yield* lockKey(t, 'ticket-stamps', accountId);
  const newest = (yield* t.one<{ at: string | null }>('SELECT max("updatedAt") AS "at" FROM "ConverseTicket" WHERE "accountId" = ?', accountId))?.at;
  const floor = newest ? readDate(newest).getTime() + 1 : 0;
  return new Date(Math.max(at.getTime(), floor));
}

/** Writes the ticket's changeable fields as they are in `t` (read and changed in the same transaction). */
export function* saveTicket(tx: Tx, t: TicketRow): Step<void> {
  const date = (d: Date | null) => (d ? sqlDate(d) : null);
  yield* tx.run(
    `UPDATE "ConverseTicket" SET "customerName" = ?, "status" = ?, "assigneeId" = ?, "unread" = ?, "lastMessageAt" = ?, "waitingSince" = ?, "statusAt" = ?,
      "updatedAt" = ?, "closedAt" = ? WHERE "id" = ?`,
    t.customerName,
    t.status,
    t.assigneeId,
    t.unread,
    sqlDate(t.lastMessageAt),
    date(t.waitingSince),
    sqlDate(t.statusAt),
    sqlDate(t.updatedAt),
    date(t.closedAt),
    t.id,
  );
}

function* contactName(t: Tx, accountId: string, msisdn: string): Step<string | null> {
  return (yield* t.one<{ name: string | null }>('SELECT "name" FROM "Contact" WHERE "accountId" = ? AND "msisdn" = ?', accountId, msisdn))?.name ?? null;
}

export type OpenTicketInput = Conversation & {
  /** The workflow instance that handed over, and its workflow. */
  workflowId?: string | null;
  definitionId?: string | null;
  at: Date;
  actor: Actor;
};

/**
 * A hand-over: opens a queued ticket for the conversation, or joins its not-closed one (a resolved or
 * pending one is active again, or queued when nobody holds it). Looked up and written in the caller's
 * write transaction, so two hand-overs never open two tickets. Audited with the change.
 */
export function* openTicket(t: Tx, input: OpenTicketInput): Step<{ ticket: TicketRow; created: boolean }> {
  const msisdn = toE164(input.msisdn);
  const conv = { ...input, msisdn };
  const existing = yield* findOpenTicket(t, conv);
  const stamp = yield* nextStamp(t, input.accountId, input.at);
  if (existing) {
    const reopen = existing.status === 'resolved' || existing.status === 'pending';
    const ticket: TicketRow = {
      ...existing,
      status: reopen ? (existing.assigneeId ? 'active' : 'queued') : existing.status,
      statusAt: reopen ? input.at : existing.statusAt,
      waitingSince: existing.waitingSince ?? input.at,
      customerName: existing.customerName ?? (yield* contactName(t, input.accountId, msisdn)),
      updatedAt: stamp,
    };
    yield* saveTicket(t, ticket);
    yield* audit(t, input, ticket, `Conversation with ${msisdn} handed over again: joined its open ticket`);
    return { ticket, created: false };
  }
  const ticket: TicketRow = {
    id: newId(),
    accountId: input.accountId,
    subAccountId: input.subAccountId,
    channel: input.channel,
    msisdn,
    customerName: yield* contactName(t, input.accountId, msisdn),
    status: 'queued',
    assigneeId: null,
    workflowId: input.workflowId ?? null,
    definitionId: input.definitionId ?? null,
    unread: 0,
    lastMessageAt: input.at,
    waitingSince: input.at,
    statusAt: input.at,
    createdAt: input.at,
    updatedAt: stamp,
    closedAt: null,
  };
  yield* t.run(
    `INSERT INTO "ConverseTicket" (${TICKET_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ticket.id,
    ticket.accountId,
    ticket.subAccountId,
    ticket.channel,
    ticket.msisdn,
    ticket.customerName,
    ticket.status,
    null,
    ticket.workflowId,
    ticket.definitionId,
    0,
    sqlDate(input.at),
    sqlDate(input.at),
    sqlDate(input.at),
    sqlDate(input.at),
    sqlDate(stamp),
    null,
  );
  yield* audit(t, input, ticket, `Conversation with ${msisdn} handed over to Converse: ticket queued`);
  return { ticket, created: true };
}

function* audit(t: Tx, input: OpenTicketInput, ticket: TicketRow, summary: string): Step<void> {
  yield* insertAuditRow(
    t,
    input.actor,
    {
      accountId: input.accountId,
      action: 'converse.ticket.open',
      entityType: 'converse_ticket',
      entityId: ticket.id,
      summary,
      changes: { subAccountId: ticket.subAccountId, channel: ticket.channel, msisdn: ticket.msisdn, workflowId: ticket.workflowId, status: ticket.status },
    },
    input.at,
  );
}
