'use client';
import type { ReactNode } from 'react';
import type { AuditEventRow } from '@/lib/partners/list-audit-events';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { RelativeTime } from '@/components/format/relative-time';
import { AuditChanges } from './audit-changes';

const col = dataTableColumns<AuditEventRow>();

/**
 * One page of the audit log, newest first. No sortable columns: the page is one slice of a
 * paginated log (filters and pages live in the URL), and sorting a slice would only mislead.
 */
const columns = col.columns([
  col.accessor('createdAt', {
    header: 'When',
    meta: { headerClassName: 'w-36', cellClassName: 'whitespace-nowrap align-top' },
    cell: ({ getValue }) => (
      <>
        <RelativeTime iso={getValue().toISOString()} />
        <span className="block font-mono text-[11px] text-muted-foreground">{getValue().toISOString().slice(0, 16).replace('T', ' ')}</span>
      </>
    ),
  }),
  col.accessor('actorLabel', { header: 'Actor', meta: { headerClassName: 'w-56', cellClassName: 'align-top' } }),
  col.display({
    id: 'what',
    header: 'What',
    meta: { cellClassName: 'align-top' },
    cell: ({ row: { original: e } }) => (
      <>
        <div className="flex flex-wrap items-center gap-2">
          <Badge className="font-mono">{e.action}</Badge>
          <span>{e.summary}</span>
        </div>
        {e.accountId ? <p className="mt-0.5 text-xs text-muted-foreground">Account {e.accountId}</p> : null}
        <AuditChanges changes={e.changes} />
      </>
    ),
  }),
]);

export function AuditTable({ events, empty }: { events: AuditEventRow[]; empty: ReactNode }) {
  return (
    <DataTable columns={columns} data={events} getRowId={(e) => e.id} rowProps={() => ({ 'data-testid': 'audit-row', className: 'align-top' })} empty={empty} />
  );
}
