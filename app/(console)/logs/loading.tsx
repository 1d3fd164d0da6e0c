import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';

/** While the page reads its rows: the title's and the filters' places, then the table's shape. */
export default function Loading() {
  return (
    <>
      <div className="mb-6 space-y-2">
        <div className="h-6 w-32 animate-pulse rounded bg-muted" />
        <div className="h-4 w-96 max-w-full animate-pulse rounded bg-muted" />
      </div>
      <div className="mb-4 h-20 animate-pulse rounded-[var(--radius)] border bg-card" />
      <DataTableSkeleton columns={7} />
    </>
  );
}
