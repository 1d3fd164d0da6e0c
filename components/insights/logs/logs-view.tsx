'use client';
import * as React from 'react';
import { ArrowUp, Pause, Play, ScrollText } from 'lucide-react';
import type { ApiMessage } from '@/lib/messaging/message-view';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/page-header';
import { LOG_ROW_HEIGHT, VirtualLogTable, type VirtualLogTableHandle } from '@/components/insights/logs/virtual-log-table';
import { MessageDrawer } from '@/components/insights/logs/message-drawer';
import { useLiveLogs, type LogsPageData } from '@/components/insights/logs/use-live-logs';
import { formatCount } from '@/components/insights/format';

/** The drawer's message is kept in the address (?message=), without a server round trip. */
function setMessageParam(umid: string | null) {
  const url = new URL(window.location.href);
  if (umid) url.searchParams.set('message', umid);
  else url.searchParams.delete('message');
  window.history.replaceState(window.history.state, '', url);
}

/**
 * The Logs list: how many messages match, the live table, the "n new messages" pill and the drawer.
 * Mounted once per set of filters (the page keys it by them).
 */
export function LogsView({
  initial,
  count,
  filters,
  timeZone,
  openMessage,
}: {
  initial: LogsPageData;
  count: { count: number; atLeast: boolean };
  filters: Record<string, string>;
  timeZone: string;
  openMessage: string | null;
}) {
  const table = React.useRef<VirtualLogTableHandle>(null);
  const [open, setOpen] = React.useState<string | null>(openMessage);
  const visibleIds = React.useCallback(() => {
    const ids = table.current?.visibleIds() ?? [];
    return open && !ids.includes(open) ? [...ids, open] : ids;
  }, [open]);
  const logs = useLiveLogs({ initial, initialCount: count.count, filters, visibleIds });
  const scrollAdjust = React.useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each change of the rows, when the scroll position must follow them
  React.useLayoutEffect(() => {
    const el = table.current?.scroller();
    if (el && scrollAdjust.current) el.scrollTop += scrollAdjust.current;
    scrollAdjust.current = 0;
  }, [logs.rows]);

  async function showNew() {
    const el = table.current?.scroller();
    const atTop = !el || el.scrollTop < LOG_ROW_HEIGHT / 2;
    const n = await logs.insertPending();
    // Scrolled down: the rows go in above what is being read, and the view moves with it, so nothing jumps.
    if (n > 0 && !atTop) scrollAdjust.current = n * LOG_ROW_HEIGHT;
    if (n < 0 && el) el.scrollTop = 0;
  }

  const openRow = React.useCallback((m: ApiMessage) => {
    setOpen(m.umid);
    setMessageParam(m.umid);
  }, []);
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <Card className="relative min-w-0 overflow-hidden">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b px-4 py-2.5">
          <p className="text-sm">
            <span className="font-semibold tabular-nums" data-testid="logs-count" data-count={logs.count}>
              {formatCount(logs.count)}
              {count.atLeast ? '+' : ''}
            </span>{' '}
            <span className="text-muted-foreground">
              message{logs.count === 1 ? '' : 's'}
              {filtered ? (logs.count === 1 ? ' matches these filters' : ' match these filters') : ''}
            </span>
          </p>
          <div className="flex items-center gap-2">
            {logs.error ? (
              <span className="text-xs text-destructive" role="alert">
                {logs.error}
              </span>
            ) : null}
            <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="live-indicator" data-live={logs.live}>
              <span className={`size-2 rounded-full ${logs.live ? 'animate-pulse bg-success' : 'bg-muted-foreground/40'}`} aria-hidden />
              {logs.live ? 'Live' : 'Paused'}
            </span>
            <Button variant="ghost" size="sm" onClick={() => logs.setLive(!logs.live)} aria-label={logs.live ? 'Pause live updates' : 'Resume live updates'}>
              {logs.live ? <Pause /> : <Play />}
            </Button>
          </div>
        </div>
        {logs.pending > 0 ? (
          <div className="pointer-events-none absolute inset-x-0 top-[6rem] z-20 flex justify-center">
            <button
              type="button"
              onClick={() => void showNew()}
              className="pointer-events-auto inline-flex items-center gap-1.5 rounded-full bg-primary px-3.5 py-1.5 text-xs font-medium text-primary-foreground shadow-lg hover:opacity-90"
              data-testid="new-messages-pill"
            >
              <ArrowUp className="size-3.5" aria-hidden />
              {logs.overflow ? `${formatCount(logs.pending)}+ new messages` : `${formatCount(logs.pending)} new message${logs.pending === 1 ? '' : 's'}`}
            </button>
          </div>
        ) : null}
        <VirtualLogTable
          rows={logs.rows}
          timeZone={timeZone}
          hasMore={logs.hasMore}
          loadingMore={logs.loadingMore}
          onLoadMore={() => void logs.loadMore()}
          onOpen={openRow}
          selected={open}
          handle={table}
          empty={
            <EmptyState icon={<ScrollText />} title={filtered ? 'No messages match these filters' : 'No messages yet'}>
              {filtered
                ? 'Widen the date range or clear a filter. New messages that match appear here as they arrive.'
                : 'Messages appear here as soon as they are sent through the API, an automation, a campaign or the Simulator.'}
            </EmptyState>
          }
        />
      </Card>
      <MessageDrawer
        umid={open}
        row={logs.rows.find((m) => m.umid === open)}
        timeZone={timeZone}
        onClose={() => {
          setOpen(null);
          setMessageParam(null);
        }}
      />
    </>
  );
}
