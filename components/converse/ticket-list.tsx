'use client';
import { Inbox } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Tabs, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { EmptyState } from '@/components/ui/page-header';
import { cn } from '@/lib/utils';
import { customerLabel, duration, STATUS_LABEL, STATUS_TONE } from '@/components/converse/format';
import type { InboxSnapshot, Me, TicketSummary } from '@/components/converse/types';

export type ListTab = 'queue' | 'mine' | 'all' | 'closed';

const EMPTY: Record<ListTab, string> = {
  queue: 'Nobody is waiting. A customer handed over by an automation (or the API) appears here within a second.',
  mine: 'You hold no tickets. Take one from the queue.',
  all: 'No open tickets in this account.',
  closed: 'No closed tickets yet.',
};

// Four tabs side by side in the list's 260 px: compact, each as wide as its label.
const TAB = 'flex-1 gap-1 px-1.5 text-xs';

export function ticketsOf(snapshot: InboxSnapshot, tab: ListTab): TicketSummary[] {
  return (tab === 'all' ? snapshot.all : snapshot[tab]) ?? [];
}

/** The lists: the queue (oldest waiting first), mine, all (supervisors) and closed, with unread badges. */
export function TicketList({
  snapshot,
  tab,
  onTab,
  selectedId,
  onSelect,
  me,
  now,
}: {
  snapshot: InboxSnapshot;
  tab: ListTab;
  onTab: (tab: ListTab) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  me: Me;
  now: number;
}) {
  const tickets = ticketsOf(snapshot, tab);
  const unreadMine = snapshot.mine.reduce((n, t) => n + t.unread, 0);
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <Tabs value={tab} onValueChange={(v) => onTab(v as ListTab)} className="gap-0 border-b p-2">
        <TabsList className="w-full" aria-label="Ticket lists">
          <TabsTrigger value="queue" className={TAB} data-testid="converse-tab-queue">
            Queue <Count n={snapshot.queue.length} strong={snapshot.queue.length > 0} />
          </TabsTrigger>
          <TabsTrigger value="mine" className={TAB} data-testid="converse-tab-mine">
            Mine <Count n={snapshot.mine.length} strong={unreadMine > 0} />
          </TabsTrigger>
          {me.supervisor ? (
            <TabsTrigger value="all" className={TAB} data-testid="converse-tab-all">
              All <Count n={snapshot.all?.length ?? 0} />
            </TabsTrigger>
          ) : null}
          <TabsTrigger value="closed" className={TAB}>
            Closed
          </TabsTrigger>
        </TabsList>
      </Tabs>
      <ul className="min-h-0 flex-1 divide-y overflow-y-auto" aria-label={`${tab} tickets`} data-testid="converse-ticket-list">
        {tickets.length === 0 ? (
          <li>
            <EmptyState icon={<Inbox />} title={tab === 'queue' ? 'The queue is empty' : 'Nothing here'}>
              {EMPTY[tab]}
            </EmptyState>
          </li>
        ) : (
          tickets.map((t) => <Row key={t.id} t={t} selected={t.id === selectedId} onSelect={onSelect} showAssignee={tab !== 'mine'} me={me} now={now} />)
        )}
      </ul>
    </div>
  );
}

function Count({ n, strong }: { n: number; strong?: boolean }) {
  return (
    <span
      className={cn(
        'min-w-4 rounded-full px-1 text-[10.5px] tabular-nums',
        strong ? 'bg-primary text-primary-foreground' : 'bg-background text-muted-foreground',
      )}
      data-testid="converse-count"
    >
      {n}
    </span>
  );
}

function Row({
  t,
  selected,
  onSelect,
  showAssignee,
  me,
  now,
}: {
  t: TicketSummary;
  selected: boolean;
  onSelect: (id: string) => void;
  showAssignee: boolean;
  me: Me;
  now: number;
}) {
  const assignee = t.assigneeId ? (t.assigneeId === me.id ? 'You' : (t.assigneeName ?? 'Someone')) : null;
  return (
    <li>
      <button
        type="button"
        onClick={() => onSelect(t.id)}
        aria-current={selected ? 'true' : undefined}
        data-testid="converse-ticket-row"
        data-ticket-id={t.id}
        className={cn(
          'flex w-full flex-col gap-1 px-3 py-2.5 text-left text-sm transition-colors hover:bg-muted focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring',
          selected && 'bg-accent hover:bg-accent',
        )}
      >
        <span className="flex items-center gap-2">
          <span className={cn('min-w-0 flex-1 truncate', t.unread ? 'font-semibold' : 'font-medium')}>{customerLabel(t)}</span>
          {t.unread ? (
            <span className="rounded-full bg-green-600 px-1.5 text-[11px] font-semibold text-white tabular-nums" data-testid="converse-unread">
              {t.unread}
              <span className="sr-only"> unread</span>
            </span>
          ) : null}
        </span>
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
          <Badge tone={STATUS_TONE[t.status]}>{STATUS_LABEL[t.status]}</Badge>
          {t.waitingSince && t.status !== 'closed' ? (
            <span className={cn(now - Date.parse(t.waitingSince) > 5 * 60_000 && 'font-medium text-amber-700 dark:text-amber-300')}>
              waiting {duration(now - Date.parse(t.waitingSince))}
            </span>
          ) : (
            <span>{duration(now - Date.parse(t.lastMessageAt))} ago</span>
          )}
          {showAssignee && assignee ? <span className="truncate">· {assignee}</span> : null}
          {t.customer.name ? <span className="truncate font-mono">· {t.customer.msisdn}</span> : null}
        </span>
      </button>
    </li>
  );
}
