'use client';
import type { ReactNode } from 'react';
import Link from 'next/link';
import type { RunListItem } from '@/lib/automation/instances/list-runs';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { RelativeTime } from '@/components/format/relative-time';
import { RunStatusBadge } from './status-badge';

export type RunRow = RunListItem & { workflowName: string };

const col = dataTableColumns<RunRow>();

/**
 * One page of runs, newest first. No sortable columns: the page is one slice of a cursor-paginated
 * list (filters and "Older runs" live in the URL), and sorting a slice would only mislead.
 */
const columns = col.columns([
  col.accessor('workflowId', {
    header: 'Run',
    cell: ({ getValue }) => (
      <Link href={`/automation/runs/${getValue()}`} className="font-mono text-xs text-primary hover:underline">
        {getValue().slice(-10)}
      </Link>
    ),
  }),
  // A long name wraps (in a column kept readable) rather than pushing the status and reason
  // columns out of the card on a 1024 px screen.
  col.accessor('workflowName', {
    header: 'Workflow',
    meta: { cellClassName: 'min-w-48' },
    cell: ({ row: { original: r } }) => (
      <>
        <span className="font-medium">{r.workflowName}</span>
        <span className="block text-xs text-muted-foreground">version {r.version}</span>
      </>
    ),
  }),
  // Whose run it is: the contact's name over the number (a run started over HTTP has no customer).
  col.display({
    id: 'customer',
    header: 'Customer',
    meta: { cellClassName: 'whitespace-nowrap' },
    cell: ({ row: { original: r } }) =>
      r.customer ? (
        <>
          {r.customer.name ? <span className="block font-medium">{r.customer.name}</span> : null}
          <span className={r.customer.name ? 'block font-mono text-xs text-muted-foreground' : 'font-mono text-xs'}>{r.customer.msisdn}</span>
        </>
      ) : (
        <span className="text-xs text-muted-foreground">—</span>
      ),
  }),
  col.accessor('status', { header: 'Status', cell: ({ getValue }) => <RunStatusBadge status={getValue()} /> }),
  col.display({
    id: 'step',
    header: 'Step / reason',
    meta: { headerClassName: 'whitespace-nowrap', cellClassName: 'max-w-md' },
    cell: ({ row: { original: r } }) =>
      r.status === 'failed' && r.error ? (
        <span className="line-clamp-2 text-xs text-destructive">{r.error}</span>
      ) : r.status === 'waiting' ? (
        <span className="text-xs">
          <span className="font-mono">{r.currentStepId}</span>
          <span className="text-muted-foreground">
            {' '}
            · {r.waitKind === 'timer' ? 'timer' : r.waitKind === 'reply' ? 'waiting for a reply' : 'waiting for a key press'}
          </span>
        </span>
      ) : (
        <span className="font-mono text-xs text-muted-foreground">{r.currentStepId ?? '—'}</span>
      ),
  }),
  // nowrap: at 1280 px "8 seconds ago" broke over three lines and made every row tall.
  col.accessor('createdAt', { header: 'Started', meta: { className: 'whitespace-nowrap' }, cell: ({ getValue }) => <RelativeTime iso={getValue()} /> }),
  col.accessor('updatedAt', { header: 'Last change', meta: { className: 'whitespace-nowrap' }, cell: ({ getValue }) => <RelativeTime iso={getValue()} /> }),
]);

export function RunsTable({ runs, empty }: { runs: RunRow[]; empty: ReactNode }) {
  return (
    <DataTable
      columns={columns}
      data={runs}
      getRowId={(r) => r.workflowId}
      rowHref={(r) => `/automation/runs/${r.workflowId}`}
      rowProps={(r) => ({ 'data-testid': `run-${r.workflowId}` })}
      empty={empty}
    />
  );
}
