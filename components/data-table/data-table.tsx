'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import { useTable, type Header, type RowData, type SortingState } from '@tanstack/react-table';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { cn } from '@/lib/utils';
import { dataTableFeatures, type DataTableColumn, type DataTableFeatures } from './data-table-columns';

/** Attributes a page puts on a row: its test id, data-* for tests, extra classes. */
export type DataTableRowProps = React.HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };

export type DataTableProps<TData extends RowData> = {
  /** From `dataTableColumns<TData>().columns([...])`, defined at module scope or memoised. */
  columns: DataTableColumn<TData>[];
  data: TData[];
  getRowId: (row: TData) => string;
  /** Shown instead of the table when `data` is empty: say what to do next. */
  empty?: React.ReactNode;
  /** Order on first render, e.g. `[{ id: 'updated', desc: true }]`; clicking a sortable header changes it. */
  initialSorting?: SortingState;
  rowProps?: (row: TData) => DataTableRowProps;
  /**
   * Makes the whole row open this address: a click anywhere but on a control in it navigates
   * (Ctrl/⌘-click opens a new tab). The row should still hold a real link for keyboards and readers.
   */
  rowHref?: (row: TData) => string;
  /** Content of a full-width row under a row (its details), or nothing; the page decides when it is open. */
  renderDetail?: (row: TData) => React.ReactNode;
  /**
   * Classes of the scroll box. By default it stops at the screen's height, so that on a long table
   * the header stays in view while rows scroll under it.
   */
  containerClassName?: string;
  className?: string;
  'aria-label'?: string;
};

const INTERACTIVE = 'a, button, input, select, textarea, summary, label, [role="button"], [data-row-click="ignore"]';

export function DataTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  empty,
  initialSorting,
  rowProps,
  rowHref,
  renderDetail,
  containerClassName,
  className,
  'aria-label': ariaLabel,
}: DataTableProps<TData>) {
  const router = useRouter();
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    // Sorting is opt-in per column: most columns (actions, long texts) gain nothing from it.
    defaultColumn: { enableSorting: false },
    // The first click on a header sorts it ascending, the second descending, the third restores the page's order.
    initialState: { sorting: initialSorting ?? [] },
  });

  if (data.length === 0 && empty !== undefined) return <>{empty}</>;

  const leafCount = table.getAllLeafColumns().length;

  function openRow(e: React.MouseEvent<HTMLTableRowElement>, href: string) {
    if ((e.target as HTMLElement).closest(INTERACTIVE)) return;
    // Selecting a cell's text (an id to copy) is not a click on the row.
    if (window.getSelection()?.toString()) return;
    if (e.metaKey || e.ctrlKey) window.open(href, '_blank', 'noopener');
    else router.push(href);
  }

  return (
    <Table aria-label={ariaLabel} className={className} containerClassName={cn('max-h-[calc(100dvh-4.5rem)]', containerClassName)}>
      <THead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <HeaderCell key={header.id} header={header}>
                {header.isPlaceholder ? null : <table.FlexRender header={header} />}
              </HeaderCell>
            ))}
          </tr>
        ))}
      </THead>
      <TBody>
        {table.getRowModel().rows.map((row) => {
          const detail = renderDetail?.(row.original);
          const extra = rowProps?.(row.original) ?? {};
          const href = rowHref?.(row.original);
          return (
            <React.Fragment key={row.id}>
              <TR
                {...extra}
                className={cn(href && 'cursor-pointer', detail != null && 'border-b-0', extra.className)}
                onClick={href ? (e) => openRow(e, href) : extra.onClick}
              >
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  return (
                    <TD key={cell.id} className={cn(meta?.className, meta?.cellClassName)}>
                      <table.FlexRender cell={cell} />
                    </TD>
                  );
                })}
              </TR>
              {detail != null ? (
                <TR className="hover:bg-transparent">
                  <TD colSpan={leafCount} className="pt-0">
                    {detail}
                  </TD>
                </TR>
              ) : null}
            </React.Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}

/** A header cell; a sortable column's label is a button that cycles its order, announced by aria-sort. */
function HeaderCell<TData extends RowData>({ header, children }: { header: Header<DataTableFeatures, TData, unknown>; children: React.ReactNode }) {
  const meta = header.column.columnDef.meta;
  const classes = cn(meta?.className, meta?.headerClassName);
  if (header.isPlaceholder || !header.column.getCanSort()) return <TH className={classes}>{children}</TH>;
  const sorted = header.column.getIsSorted();
  const Icon = sorted === 'asc' ? ArrowUp : sorted === 'desc' ? ArrowDown : ChevronsUpDown;
  return (
    <TH className={classes} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
      <button
        type="button"
        onClick={header.column.getToggleSortingHandler()}
        className="-mx-1.5 inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-1 uppercase tracking-wide hover:bg-muted hover:text-foreground"
      >
        {children}
        <Icon className={cn('size-3.5 shrink-0', !sorted && 'opacity-40')} aria-hidden />
      </button>
    </TH>
  );
}
