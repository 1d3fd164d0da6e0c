import type { TicketRow, TicketStatus } from '@/lib/converse/ticket-rows';

/** A ticket as the API answers it (API.md "Converse"), plus when its status last changed and since when the customer waits. */
export type TicketView = {
  id: string;
  subAccountId: string;
  channel: string;
  customer: { msisdn: string; name?: string };
  status: TicketStatus;
  assigneeId?: string;
  workflowId?: string;
  /** The workflow (definition) whose run handed over. */
  definitionId?: string;
  unread: number;
  lastMessageAt: string;
  waitingSince?: string;
  statusAt: string;
  createdAt: string;
  closedAt?: string;
};

export function toTicketView(t: TicketRow): TicketView {
  return {
    id: t.id,
    subAccountId: t.subAccountId,
    channel: t.channel,
    customer: { msisdn: t.msisdn, ...(t.customerName ? { name: t.customerName } : {}) },
    status: t.status,
    ...(t.assigneeId ? { assigneeId: t.assigneeId } : {}),
    ...(t.workflowId ? { workflowId: t.workflowId } : {}),
    ...(t.definitionId ? { definitionId: t.definitionId } : {}),
    unread: t.unread,
    lastMessageAt: t.lastMessageAt.toISOString(),
    ...(t.waitingSince ? { waitingSince: t.waitingSince.toISOString() } : {}),
    statusAt: t.statusAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
    ...(t.closedAt ? { closedAt: t.closedAt.toISOString() } : {}),
  };
}
