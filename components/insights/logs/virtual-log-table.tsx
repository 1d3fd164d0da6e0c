'use client';
import * as React from 'react';
import { useTable } from '@tanstack/react-table';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { Loader2 } from 'lucide-react';
import type { ApiMessage } from '@/lib/messaging/message-view';
import { dataTableFeatures } from '@/components/data-table/data-table-columns';
import { TH, THead } from '@/components/ui/table';
import { cn } from '@/lib/utils';
import { logColumns } from '@/components/insights/logs/log-columns';

export const LOG_ROW_HEIGHT = 45;

export type VirtualLogTableHandle = {
  /** The umids of the rows on screen (and a few around them). */
  visibleIds: () => string[];
  scroller: () => HTMLDivElement | null;
};

/**
 * The Logs table: TanStack Table's columns over a window of rows. Only the rows in view (and a few
 * around them) are in the page, between two spacer rows, so ten thousand loaded messages scroll like
 * fifty; a real <table> keeps the sticky header and native semantics. Nearing the end asks for more.
 */
export function VirtualLogTable({
  rows,
  timeZone,
  hasMore,
  loadingMore,
  onLoadMore,
  onOpen,
  selected,
  handle,
  empty,
}: {
  rows: ApiMessage[];
  timeZone: string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (m: ApiMessage) => void;
  selected: string | null;
  handle: React.RefObject<VirtualLogTableHandle | null>;
  empty: React.ReactNode;
}) {
  const columns = React.useMemo(() => logColumns(timeZone), [timeZone]);
  const table = useTable({ features: dataTableFeatures, columns, data: rows, getRowId: (m) => m.umid, defaultColumn: { enableSorting: false } });
  const scroller = React.useRef<HTMLDivElement>(null);
  const virtualizer: Virtualizer<HTMLDivElement, Element> = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => rows[i]?.umid ?? `more-${i}`,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1);
  const before = items[0]?.start ?? 0;
  const after = last ? virtualizer.getTotalSize() - last.end : 0;
  const tableRows = table.getRowModel().rows;
  const leafs = table.getAllLeafColumns();

  React.useImperativeHandle(handle, () => ({
    visibleIds: () =>
      virtualizer
        .getVirtualItems()
        .map((i) => rows[i.index]?.umid)
        .filter((id): id is string => !!id),
    scroller: () => scroller.current,
  }));

  React.useEffect(() => {
    if (last && last.index >= rows.length - 15 && hasMore && !loadingMore) onLoadMore();
  }, [last, rows.length, hasMore, loadingMore, onLoadMore]);

  if (rows.length === 0) return <>{empty}</>;

  return (
    <div ref={scroller} className="h-[calc(100dvh-17rem)] min-h-[22rem] overflow-auto overscroll-contain" data-testid="logs-scroller">
      <table className="w-full min-w-[60rem] table-fixed caption-bottom text-sm" aria-label="Messages" aria-rowcount={rows.length + 1}>
        <colgroup>
          {leafs.map((c) => (
            <col
              key={c.id}
              className={c.columnDef.meta?.className
                ?.split(' ')
                .filter((k) => k.startsWith('w-'))
                .join(' ')}
            />
          ))}
        </colgroup>
        <THead>
          <tr>
            {table.getHeaderGroups()[0]!.headers.map((h) => (
              <TH key={h.id} className={cn('px-3', h.column.columnDef.meta?.className)}>
                <table.FlexRender header={h} />
              </TH>
            ))}
          </tr>
        </THead>
        <tbody>
          {before > 0 ? (
            <tr aria-hidden>
              <td colSpan={leafs.length} style={{ height: before, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row) {
              return (
                <tr key={item.key} style={{ height: LOG_ROW_HEIGHT }}>
                  <td colSpan={leafs.length} className="px-3 text-xs text-muted-foreground">
                    <Loader2 className="mr-2 inline size-3.5 animate-spin" aria-hidden />
                    Loading older messages…
                  </td>
                </tr>
              );
            }
            const m = row.original;
            return (
              <tr
                key={item.key}
                style={{ height: LOG_ROW_HEIGHT }}
                className={cn('cursor-pointer border-b hover:bg-muted/40', selected === m.umid && 'bg-accent/60 hover:bg-accent/60')}
                data-testid="log-row"
                data-umid={m.umid}
                data-direction={m.direction}
                aria-rowindex={item.index + 2}
                aria-selected={selected === m.umid}
                tabIndex={0}
                onClick={() => onOpen(m)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onOpen(m);
                  }
                }}
              >
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  return (
                    <td key={cell.id} className={cn('overflow-hidden px-3 align-middle', meta?.className, meta?.cellClassName)}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {after > 0 ? (
            <tr aria-hidden>
              <td colSpan={leafs.length} style={{ height: after, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
