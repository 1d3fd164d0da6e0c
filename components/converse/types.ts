import type { ConverseAgent } from '@/lib/converse/list-agents';
import type { CannedResponse } from '@/lib/converse/canned-responses';
import type { InboxSnapshot, ReplyTemplate, TicketPanel, TicketSummary } from '@/lib/converse/console-inbox';
import type { TicketView } from '@/lib/converse/ticket-view';
import type { TicketNote } from '@/lib/converse/get-ticket';

export type { ConverseAgent, CannedResponse, InboxSnapshot, ReplyTemplate, TicketPanel, TicketSummary, TicketView, TicketNote };

export type Result<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** The Converse page's server actions, passed in by app/(console)/converse (components never import app/). */
export type ConverseActions = {
  poll: (input: { version?: string }) => Promise<Result<InboxSnapshot | { version: string; unchanged: true }>>;
  load: (input: { id: string }) => Promise<Result<TicketPanel>>;
  templates: (input: { id: string }) => Promise<Result<ReplyTemplate[]>>;
  markRead: (input: { id: string }) => Promise<Result<{ unread: 0 }>>;
  update: (input: { id: string; status?: string; assigneeId?: string | null }) => Promise<Result<TicketView>>;
  reply: (input: {
    id: string;
    clientMessageId?: string;
    text?: string;
    template?: { name: string; language: string; values: Record<string, string> };
  }) => Promise<Result<{ umid: string; ticket: TicketView }>>;
  note: (input: { id: string; text: string }) => Promise<Result<TicketNote>>;
};

/** Who is looking: their id, and whether they supervise (see every ticket, assign anyone). */
export type Me = { id: string; supervisor: boolean };
