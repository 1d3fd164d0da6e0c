'use client';
import * as React from 'react';
import { ChevronDown, ChevronRight, RotateCw } from 'lucide-react';
import type { DeliveryView } from '@/lib/webhooks/list-deliveries';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { actionsHeader, SORTED_TIME_COLUMN } from '@/components/data-table/common-columns';
import { RelativeTime } from '@/components/format/relative-time';

const TONE = { succeeded: 'success', failed: 'danger', pending: 'warning' } as const;
const col = dataTableColumns<DeliveryView>();

function deliveryColumns(open: Set<string>, toggle: (id: string) => void, pending: boolean, onResend: (id: string) => void) {
  return col.columns([
    // The endpoint under its event rather than in a column of its own: six columns with long event
    // names and URLs pushed Resend past the card's edge at 1280 px.
    col.accessor('eventType', {
      header: 'Event and endpoint',
      enableSorting: true,
      cell: ({ row: { original: d } }) => (
        <>
          <div className="font-medium">{d.eventType}</div>
          <div className="max-w-[20rem] truncate font-mono text-xs text-muted-foreground" title={d.endpointUrl}>
            {d.endpointUrl}
          </div>
        </>
      ),
    }),
    col.accessor('status', {
      header: 'Status',
      enableSorting: true,
      cell: ({ row: { original: d } }) => (
        <>
          <Badge tone={TONE[d.status as keyof typeof TONE] ?? 'neutral'}>{d.status}</Badge>
          {d.lastError ? <span className="mt-0.5 block text-xs text-destructive">{d.lastError}</span> : null}
          {d.status === 'pending' && d.nextAttemptAt ? (
            <span className="block whitespace-nowrap text-xs text-muted-foreground">
              next try <RelativeTime iso={d.nextAttemptAt} />
            </span>
          ) : null}
        </>
      ),
    }),
    col.accessor('attempts', {
      header: 'Attempts',
      cell: ({ row: { original: d } }) => (
        <button
          type="button"
          className="inline-flex items-center gap-1 whitespace-nowrap text-sm hover:underline"
          aria-expanded={open.has(d.id)}
          onClick={() => toggle(d.id)}
        >
          {open.has(d.id) ? <ChevronDown className="size-3.5" /> : <ChevronRight className="size-3.5" />}
          {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
        </button>
      ),
    }),
    col.accessor('createdAt', { header: 'Created', ...SORTED_TIME_COLUMN }),
    col.display({
      id: 'actions',
      header: actionsHeader,
      meta: { className: 'text-right' },
      cell: ({ row }) => (
        <Button variant="outline" size="sm" disabled={pending} onClick={() => onResend(row.original.id)}>
          <RotateCw /> Resend
        </Button>
      ),
    }),
  ]);
}

/**
 * Recent deliveries. A delivery's attempts and body open in a row of their own under it, across the
 * whole table: inside the narrow Attempts cell the body's JSON widened the table until the Created
 * and Resend columns were pushed out of the card, so a failed delivery could not be resent.
 */
export function DeliveriesTable({
  deliveries,
  pending,
  onResend,
  empty,
}: {
  deliveries: DeliveryView[];
  pending: boolean;
  onResend: (id: string) => void;
  empty: React.ReactNode;
}) {
  const [open, setOpen] = React.useState<Set<string>>(new Set());
  const columns = React.useMemo(() => {
    const toggle = (id: string) =>
      setOpen((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      });
    return deliveryColumns(open, toggle, pending, onResend);
    // onResend is a fresh arrow each render of the page; what it does never changes.
  }, [open, pending]);

  return (
    <DataTable
      columns={columns}
      data={deliveries}
      getRowId={(d) => d.id}
      rowProps={() => ({ 'data-testid': 'webhook-delivery' })}
      empty={empty}
      renderDetail={(d) =>
        open.has(d.id) ? (
          <div data-testid="webhook-delivery-detail">
            <ul className="space-y-0.5 text-xs text-muted-foreground">
              {d.history.map((a, i) => (
                <li key={i}>
                  {new Date(a.at).toLocaleString()} · {a.statusCode ?? '—'} {a.error ?? 'OK'} · {a.durationMs} ms
                </li>
              ))}
            </ul>
            {/* min-w-0 on a block inside a table cell is not enough: w-0 min-w-full keeps the body
                from widening the table, and long lines scroll inside it. */}
            <pre className="mt-1 max-h-48 w-0 min-w-full overflow-auto rounded bg-muted p-2 text-xs">{JSON.stringify(d.body, null, 2)}</pre>
          </div>
        ) : null
      }
    />
  );
}
