'use client';
import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ArrowLeft, MessagesSquare, PanelRight } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/page-header';
import { cn } from '@/lib/utils';
import { customerLabel, STATUS_LABEL, STATUS_TONE } from '@/components/converse/format';
import { ReconnectingBanner } from '@/components/converse/reconnecting-banner';
import { ReplyBox } from '@/components/converse/reply-box';
import { TicketDetails } from '@/components/converse/ticket-details';
import { TicketList, ticketsOf, type ListTab } from '@/components/converse/ticket-list';
import { TicketThread } from '@/components/converse/ticket-thread';
import { useInbox } from '@/components/converse/use-inbox';
import type { CannedResponse, ConverseActions, ConverseAgent, InboxSnapshot, Me, TicketPanel } from '@/components/converse/types';

function useNow(everyMs: number): number {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** The tab and ticket in the address, so a reload or a shared link opens the same view (without a server round trip). */
function useUrlState(initialTab: ListTab, initialTicket: string | null) {
  const [tab, setTab] = React.useState<ListTab>(initialTab);
  const [ticket, setTicket] = React.useState<string | null>(initialTicket);
  React.useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set('tab', tab);
    if (ticket) url.searchParams.set('ticket', ticket);
    else url.searchParams.delete('ticket');
    window.history.replaceState(window.history.state, '', url);
  }, [tab, ticket]);
  return { tab, setTab, ticket, setTicket };
}

/**
 * The agent inbox: the lists on the left, the conversation with its reply box in the middle, the
 * customer and the ticket's actions on the right. New tickets, messages and assignments appear within
 * a second (useInbox); while Parley cannot be reached the page says so.
 */
export function ConverseInbox({
  initial,
  me,
  agents,
  canned,
  actions,
  initialTab,
  initialTicket,
}: {
  initial: InboxSnapshot;
  me: Me;
  agents: ConverseAgent[];
  canned: CannedResponse[];
  actions: ConverseActions;
  initialTab: ListTab;
  initialTicket: string | null;
}) {
  const { snapshot, version, reconnecting, refresh } = useInbox(actions.poll, initial);
  const { tab, setTab, ticket: selected, setTicket } = useUrlState(initialTab, initialTicket);
  const [showDetails, setShowDetails] = React.useState(false);
  const now = useNow(5000);

  const query = useQuery({
    queryKey: ['converse-ticket', selected, version],
    enabled: !!selected,
    queryFn: async (): Promise<TicketPanel> => {
      const r = await actions.load({ id: selected! });
      if (!r.ok) throw new Error(r.error);
      return r.data;
    },
    // Delivery ticks move without a ticket change: the open conversation also looks every few seconds.
    refetchInterval: 3000,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const ticket = query.data && query.data.id === selected ? query.data : null;

  // Opening a ticket reads its customer messages (the assignee's, or an unassigned one's for a supervisor).
  const unread = ticket?.unread ?? 0;
  const mayRead = !!ticket && (ticket.assigneeId === me.id || (!ticket.assigneeId && me.supervisor));
  React.useEffect(() => {
    if (selected && unread > 0 && mayRead) void actions.markRead({ id: selected }).then(() => refresh());
  }, [selected, unread, mayRead, actions, refresh]);

  const load = React.useMemo(() => {
    const m = new Map<string, number>();
    for (const t of snapshot.all ?? snapshot.mine)
      if (t.assigneeId && (t.status === 'active' || t.status === 'pending')) m.set(t.assigneeId, (m.get(t.assigneeId) ?? 0) + 1);
    return m;
  }, [snapshot]);

  const changed = () => {
    refresh();
    void query.refetch();
  };
  const select = (id: string) => {
    setTicket(id);
    setShowDetails(false);
  };

  return (
    <div>
      <ReconnectingBanner show={reconnecting} />
      <div
        className="relative grid h-[calc(100dvh-8rem)] min-h-[520px] md:h-[calc(100dvh-12rem)] grid-cols-1 overflow-hidden rounded-[var(--radius)] border bg-card md:grid-cols-[260px_minmax(0,1fr)] xl:grid-cols-[272px_minmax(0,1fr)_256px]"
        data-testid="converse-inbox"
        data-version={version}
      >
        <aside className={cn('min-h-0 flex-col border-r', selected ? 'hidden md:flex' : 'flex')} aria-label="Tickets">
          <TicketList snapshot={snapshot} tab={tab} onTab={setTab} selectedId={selected} onSelect={select} me={me} now={now} />
        </aside>

        <section className={cn('min-h-0 min-w-0 flex-col', selected ? 'flex' : 'hidden md:flex')} aria-label="Conversation">
          {selected && ticket ? (
            <>
              <header className="flex items-center gap-2 border-b px-3 py-2">
                <Button variant="ghost" size="icon" className="md:hidden" aria-label="Back to the lists" onClick={() => setTicket(null)}>
                  <ArrowLeft />
                </Button>
                <div className="min-w-0 flex-1">
                  <h2 className="truncate text-sm font-semibold" data-testid="converse-customer">
                    {customerLabel(ticket)}
                  </h2>
                  <p className="truncate text-xs text-muted-foreground">
                    {ticket.customer.name ? `${ticket.customer.msisdn} · ` : ''}
                    {ticket.subAccountName}
                  </p>
                </div>
                <Badge tone={STATUS_TONE[ticket.status]}>{STATUS_LABEL[ticket.status]}</Badge>
                <Button
                  variant="ghost"
                  size="icon"
                  className="xl:hidden"
                  aria-label="Ticket details"
                  aria-pressed={showDetails}
                  onClick={() => setShowDetails((s) => !s)}
                >
                  <PanelRight />
                </Button>
              </header>
              <TicketThread ticket={ticket} />
              <ReplyBox key={ticket.id} ticket={ticket} actions={actions} canned={canned} now={now} onSent={changed} />
            </>
          ) : selected && query.isError ? (
            <EmptyState icon={<MessagesSquare />} title="This ticket is not available">
              It may belong to another agent now, or it no longer exists.{' '}
              <button type="button" className="text-primary underline" onClick={() => setTicket(null)}>
                Back to the lists
              </button>
            </EmptyState>
          ) : selected ? (
            <p className="m-auto text-sm text-muted-foreground">Loading the conversation…</p>
          ) : (
            <div className="m-auto">
              <EmptyState icon={<MessagesSquare />} title="Pick a ticket">
                {snapshot.queue.length
                  ? `${snapshot.queue.length} customer${snapshot.queue.length === 1 ? ' is' : 's are'} waiting in the queue, the longest-waiting first.`
                  : ticketsOf(snapshot, 'mine').length
                    ? 'Your tickets are under Mine.'
                    : 'New hand-overs appear in the queue within a second.'}
              </EmptyState>
            </div>
          )}
        </section>

        {ticket ? (
          <aside
            className={cn(
              'min-h-0 overflow-y-auto border-l bg-card',
              showDetails ? 'absolute inset-y-0 right-0 z-10 w-[min(20rem,100%)] shadow-xl xl:static xl:w-auto xl:shadow-none' : 'hidden xl:block',
            )}
            aria-label="Ticket details"
          >
            <TicketDetails ticket={ticket} me={me} agents={agents} load={load} actions={actions} now={now} onChanged={changed} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
