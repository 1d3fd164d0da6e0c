import {
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  type ColumnDef,
  type ColumnHelper,
  type RowData,
} from '@tanstack/react-table';

/** What a column says about its own look, beyond TanStack's definition. */
export type DataTableColumnMeta = {
  /** Classes on the column's header and its cells alike: `hidden md:table-cell`, `text-right`, `whitespace-nowrap`. */
  className?: string;
  headerClassName?: string;
  cellClassName?: string;
};

/**
 * The features every DataTable registers (TanStack Table v9 is opt-in per feature): client-side
 * sorting with the built-in comparators `sortFn: 'auto'` picks from, and our column meta.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, datetime: sortFn_datetime, basic: sortFn_basic },
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

/**
 * The column helper for a DataTable over rows of `TData`. Define columns at module scope (stable
 * inputs keep TanStack from rebuilding its row models every render):
 *
 *   const col = dataTableColumns<Row>();
 *   const columns = col.columns([col.accessor('name', { header: 'Name', enableSorting: true }), …]);
 *
 * A column sorts only when it says `enableSorting: true`.
 */
export function dataTableColumns<TData extends RowData>(): ColumnHelper<DataTableFeatures, TData> {
  return createColumnHelper<DataTableFeatures, TData>();
}
