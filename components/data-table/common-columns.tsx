import { RelativeTime } from '@/components/format/relative-time';

/** A cell showing a time as "2 minutes ago" (the exact time on hover). */
export function relativeTimeCell({ getValue }: { getValue: () => string | null }) {
  return <RelativeTime iso={getValue()} />;
}

/**
 * A time column that sorts, newest first on the first click, and keeps "15 seconds ago" on one line
 * (it broke over three lines and tripled the row's height). Spread into `col.accessor('createdAt', …)`.
 */
export const SORTED_TIME_COLUMN = {
  enableSorting: true,
  sortDescFirst: true,
  meta: { cellClassName: 'whitespace-nowrap' },
  cell: relativeTimeCell,
} as const;

/** The header cell of a column of row actions: named for screen readers, empty on screen. */
export const actionsHeader = () => <span className="sr-only">Actions</span>;
