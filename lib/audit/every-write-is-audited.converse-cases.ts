// Converse's audited writes (the inbox's server actions and the Converse API), and its actions that
// only read. Keyed as every-write-is-audited.cases.ts keys them.
import crypto from 'node:crypto';
import { db } from '@/lib/db/client';
import { write as writeTx } from '@/lib/db/tx';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { createCannedResponse } from '@/lib/converse/canned-responses';
import type { ConverseViewer } from '@/lib/converse/converse-viewer';
import { openTicket } from '@/lib/converse/ticket-rows';
import { unique, idOf, action, route, ACCOUNTS, write, type AuditedWrite, type Ctx } from './every-write-is-audited.kit';

const INBOX = '(console)/converse/actions.ts';
const CONFIG = '(console)/converse/configuration/actions.ts';
const CONVERSE = `${ACCOUNTS}/converse`;
const SUB = 'acme_corp_chatapps';

const newNumber = () => `+6582${String(crypto.randomInt(100_000, 999_999))}`;

/** A queued ticket of a customer who just wrote (so the 24 h window is open for replies). */
async function ticket(): Promise<string> {
  const msisdn = newNumber();
  await receiveInbound(db, { accountId: 'acme_corp', subAccountId: SUB, channel: 'whatsapp', msisdn, type: 'text', content: { text: 'An agent, please' } });
  const { ticket } = await writeTx(db, (t) =>
    openTicket(t, { accountId: 'acme_corp', subAccountId: SUB, channel: 'whatsapp', msisdn, at: new Date(), actor: SYSTEM_ACTOR }),
  );
  return ticket.id;
}

const setup: ConverseViewer = { accountId: 'acme_corp', userId: null, name: 'Setup', supervisor: true, seesAll: true, actor: SYSTEM_ACTOR };
const canned = () => createCannedResponse(db, setup, { shortcut: unique('probe').slice(0, 30), text: 'We open at 9.' });

const ticketWrite = (
  key: string,
  spec: Omit<AuditedWrite, 'prepare' | 'entityType'> & { call: (c: Ctx, k: string, id: string) => Pick<AuditedWriteCall, 'call' | 'bad'> },
) =>
  write(key, {
    action: spec.action,
    entityType: 'converse_ticket',
    table: spec.table,
    prepare: async (c, k) => {
      const id = await ticket();
      return { ...spec.call(c, k, id), entityId: id };
    },
  });
type AuditedWriteCall = Awaited<ReturnType<AuditedWrite['prepare']>>;

export const CONVERSE_WRITES: Record<string, AuditedWrite> = Object.fromEntries([
  // The inbox, as the signed-in admin (a supervisor).
  ticketWrite(`${INBOX} updateTicketAction`, {
    action: 'converse.ticket.update',
    table: 'ConverseTicket',
    call: (c, k, id) => ({ call: action(c, k, { id, assigneeId: c.admin.userId }), bad: action(c, k, { id, status: 'sleeping' }) }),
  }),
  ticketWrite(`${INBOX} replyAction`, {
    action: 'converse.ticket.reply',
    table: 'Message',
    call: (c, k, id) => ({ call: action(c, k, { id, text: 'Hello, I am here to help' }), bad: action(c, k, { id, text: '' }) }),
  }),
  ticketWrite(`${INBOX} addNoteAction`, {
    action: 'converse.note.add',
    table: 'ConverseNote',
    call: (c, k, id) => ({ call: action(c, k, { id, text: 'Asked for the order number' }), bad: action(c, k, { id, text: ' ' }) }),
  }),
  write(`${CONFIG} saveConfigAction`, {
    action: 'converse.config.update',
    entityType: 'converse_config',
    table: 'ConverseConfig',
    prepare: async (c, k) => ({
      call: action(c, k, { resolvedToClosedHours: 1, pendingToClosedHours: 1, maxAssignedTicketsPerAgent: 5 }),
      bad: action(c, k, { resolvedToClosedHours: 1, pendingToClosedHours: 1, maxAssignedTicketsPerAgent: 0 }),
      entityId: 'acme_corp',
    }),
  }),
  write(`${CONFIG} createCannedAction`, {
    action: 'converse.canned.create',
    entityType: 'canned_response',
    table: 'CannedResponse',
    prepare: async (c, k) => ({
      call: action(c, k, { shortcut: unique('hours').slice(0, 30), text: 'We open at 9.' }),
      bad: action(c, k, { shortcut: 'two words', text: 'x' }),
      entityId: idOf,
    }),
  }),
  write(`${CONFIG} updateCannedAction`, {
    action: 'converse.canned.update',
    entityType: 'canned_response',
    table: 'CannedResponse',
    prepare: async (c, k) => {
      const r = await canned();
      return {
        call: action(c, k, { id: r.id, shortcut: r.shortcut, text: 'We open at 8.' }),
        bad: action(c, k, { id: r.id, shortcut: r.shortcut, text: '' }),
        entityId: r.id,
      };
    },
  }),
  write(`${CONFIG} deleteCannedAction`, {
    action: 'converse.canned.delete',
    entityType: 'canned_response',
    table: 'CannedResponse',
    prepare: async (c, k) => {
      const r = await canned();
      return { call: action(c, k, { id: r.id }), bad: action(c, k, { id: 'no_such_reply' }), entityId: r.id };
    },
  }),
  // The Converse API, under the key.
  write(`${CONVERSE}/tickets/route.ts POST`, {
    action: 'converse.ticket.open',
    entityType: 'converse_ticket',
    table: 'ConverseTicket',
    prepare: async (c, k) => {
      const msisdn = newNumber();
      return { call: route(c, k, {}, { subAccountId: SUB, msisdn }), bad: route(c, k, {}, { subAccountId: SUB, msisdn: 'not a number' }), entityId: idOf };
    },
  }),
  ticketWrite(`${CONVERSE}/tickets/[id]/route.ts PATCH`, {
    action: 'converse.ticket.update',
    table: 'ConverseTicket',
    call: (c, k, id) => ({ call: route(c, k, { id }, { status: 'resolved' }), bad: route(c, k, { id }, { status: 'sleeping' }) }),
  }),
  ticketWrite(`${CONVERSE}/tickets/[id]/messages/route.ts POST`, {
    action: 'converse.ticket.reply',
    table: 'Message',
    call: (c, k, id) => ({
      call: route(c, k, { id }, { type: 'text', content: { text: 'Hello from the API' } }),
      bad: route(c, k, { id }, { type: 'text', content: {} }),
    }),
  }),
  ticketWrite(`${CONVERSE}/tickets/[id]/notes/route.ts POST`, {
    action: 'converse.note.add',
    table: 'ConverseNote',
    call: (c, k, id) => ({ call: route(c, k, { id }, { text: 'Noted by the CRM' }), bad: route(c, k, { id }, { text: '' }) }),
  }),
  write(`${CONVERSE}/config/route.ts PUT`, {
    action: 'converse.config.update',
    entityType: 'converse_config',
    table: 'ConverseConfig',
    prepare: async (c, k) => ({
      call: route(c, k, {}, { resolvedToClosedHours: 1, pendingToClosedHours: 1, maxAssignedTicketsPerAgent: 5 }),
      bad: route(c, k, {}, { resolvedToClosedHours: -1 }),
      entityId: 'acme_corp',
    }),
  }),
]);

/** Converse's actions that are not audited writes, and why. */
export const CONVERSE_NOT_AUDITED: Record<string, string> = {
  [`${INBOX} pollInboxAction`]: 'reads only (the inbox version, and the lists when it moved)',
  [`${INBOX} loadTicketAction`]: 'reads only',
  [`${INBOX} replyTemplatesAction`]: 'reads only',
  [`${INBOX} markReadAction`]:
    'a read receipt: clears the unread count of the agent who opened the ticket, as opening a mail does; no change to the ticket itself',
};
