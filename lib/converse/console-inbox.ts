import type { Db } from '@/lib/db/client';
import { read, type Step, type Tx } from '@/lib/db/tx';
import type { TemplateComponent } from '@/lib/templates/template-schema';
import type { ConverseViewer } from '@/lib/converse/converse-viewer';
import { getTicket, type TicketDetail } from '@/lib/converse/get-ticket';
import { readInbox, readInboxVersion } from '@/lib/converse/list-tickets';
import { windowOf, type ReplyWindow } from '@/lib/converse/reply-to-ticket';
import type { TicketRow } from '@/lib/converse/ticket-rows';
import { toTicketView, type TicketView } from '@/lib/converse/ticket-view';
import { requireVisibleTicket } from '@/lib/converse/visible-ticket';

// What the Converse page shows, read for the signed-in person: the lists with the assignees' names,
// and one ticket with its reply window and where it came from.

export type TicketSummary = TicketView & { assigneeName?: string };
export type InboxSnapshot = {
  version: string;
  queue: TicketSummary[];
  mine: TicketSummary[];
  all: TicketSummary[] | null;
  closed: TicketSummary[];
};

function* userNames(t: Tx, ids: (string | null)[]): Step<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = yield* t.all<{ id: string; name: string; email: string }>(
    `SELECT "id", "name", "email" FROM "User" WHERE "id" IN (${wanted.map(() => '?').join(', ')})`,
    ...wanted,
  );
  return new Map(rows.map((r) => [r.id, r.name || r.email]));
}

/** The lists, or only the version when it is still `known` (the page polls this every second). */
export async function inboxSnapshot(db: Db, viewer: ConverseViewer, known?: string): Promise<InboxSnapshot | { version: string; unchanged: true }> {
  return read(db, function* (tx) {
    const version = yield* readInboxVersion(tx, viewer.accountId);
    if (known !== undefined && known === version) return { version, unchanged: true as const };
    const lists = yield* readInbox(tx, viewer);
    const names = yield* userNames(
      tx,
      [...lists.mine, ...(lists.all ?? []), ...lists.closed].map((t) => t.assigneeId),
    );
    const summary = (t: TicketRow): TicketSummary => ({
      ...toTicketView(t),
      ...(t.assigneeId && names.has(t.assigneeId) ? { assigneeName: names.get(t.assigneeId) } : {}),
    });
    return {
      version,
      queue: lists.queue.map(summary),
      mine: lists.mine.map(summary),
      all: lists.all?.map(summary) ?? null,
      closed: lists.closed.map(summary),
    };
  });
}

export type TicketPanel = TicketDetail & {
  assigneeName?: string;
  window: ReplyWindow;
  subAccountName: string;
  /** The workflow that handed over (it may have been deleted since). */
  workflow?: { id: string; name: string };
};

/** One ticket as the page shows it: the conversation, notes, the 24 h window, the names around it. */
export async function ticketPanel(db: Db, viewer: ConverseViewer, id: string): Promise<TicketPanel> {
  const detail = await getTicket(db, viewer, id);
  const extra = await read(db, function* (tx) {
    const t = yield* requireVisibleTicket(tx, viewer, id);
    const wf = t.definitionId
      ? yield* tx.one<{ id: string; name: string }>('SELECT "id", "name" FROM "Workflow" WHERE "id" = ? AND "accountId" = ?', t.definitionId, t.accountId)
      : undefined;
    const sub = yield* tx.one<{ name: string }>('SELECT "name" FROM "SubAccount" WHERE "id" = ?', t.subAccountId);
    return {
      assigneeName: t.assigneeId ? (yield* userNames(tx, [t.assigneeId])).get(t.assigneeId) : undefined,
      window: yield* windowOf(tx, t, new Date()),
      subAccountName: sub?.name ?? t.subAccountId,
      workflow: wf,
    };
  });
  return { ...detail, ...extra };
}

export type ReplyTemplate = { name: string; language: string; category: string; components: TemplateComponent[] };

/** The APPROVED templates a reply on this ticket may use (its subaccount's), newest change first. */
export async function replyTemplates(db: Db, viewer: ConverseViewer, ticketId: string): Promise<ReplyTemplate[]> {
  const t = await read(db, (tx) => requireVisibleTicket(tx, viewer, ticketId));
  if (t.channel !== 'whatsapp') return [];
  const rows = await db.template.findMany({
    where: { accountId: viewer.accountId, subAccountId: t.subAccountId, status: 'APPROVED' },
    orderBy: [{ name: 'asc' }, { language: 'asc' }],
    select: { name: true, language: true, category: true, components: true },
  });
  return rows.map((r) => ({ ...r, components: r.components as TemplateComponent[] }));
}
