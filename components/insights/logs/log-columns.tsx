'use client';
import { ArrowDownLeft, ArrowUpRight } from 'lucide-react';
import type { ApiMessage } from '@/lib/messaging/message-view';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { Badge } from '@/components/ui/badge';
import { CHANNEL_LABEL, STATUS_TONE, summarize } from '@/components/insights/logs/message-summary';
import { formatInstant } from '@/components/insights/logs/zoned-time-input';

const col = dataTableColumns<ApiMessage>();

/** The Logs table's columns; widths are fixed (colgroup) so that rows keep one height while they scroll by. */
export function logColumns(timeZone: string) {
  return col.columns([
    col.accessor('createdAt', {
      header: 'Time',
      meta: { className: 'w-36', cellClassName: 'whitespace-nowrap tabular-nums text-muted-foreground' },
      cell: ({ getValue }) => <time dateTime={getValue()}>{formatInstant(getValue(), timeZone)}</time>,
    }),
    col.accessor('direction', {
      header: 'Direction',
      meta: { className: 'w-[6.5rem]' },
      cell: ({ getValue }) => (
        <span className="inline-flex items-center gap-1 whitespace-nowrap">
          {getValue() === 'inbound' ? (
            <ArrowDownLeft className="size-3.5 text-sky-600 dark:text-sky-400" aria-hidden />
          ) : (
            <ArrowUpRight className="size-3.5 text-emerald-600 dark:text-emerald-400" aria-hidden />
          )}
          {getValue() === 'inbound' ? 'Inbound' : 'Outbound'}
        </span>
      ),
    }),
    col.accessor('channel', { header: 'Channel', meta: { className: 'w-24' }, cell: ({ getValue }) => CHANNEL_LABEL[getValue()] ?? getValue() }),
    col.display({
      id: 'msisdn',
      header: 'Number',
      meta: { className: 'w-40', cellClassName: 'whitespace-nowrap font-mono text-xs' },
      cell: ({ row: { original: m } }) => (
        <>
          {m.user.msisdn}
          {m.country ? <span className="ml-1 text-muted-foreground">{m.country}</span> : null}
        </>
      ),
    }),
    col.display({
      id: 'message',
      header: 'Message',
      meta: {},
      cell: ({ row: { original: m } }) => (
        <span className="block truncate" data-testid="log-summary" title={summarize(m)}>
          {summarize(m)}
        </span>
      ),
    }),
    col.display({
      id: 'status',
      header: 'Status',
      meta: { className: 'w-44' },
      cell: ({ row: { original: m } }) => (
        <span className="flex min-w-0 items-center gap-1.5" data-testid="log-status" data-state={m.status.state}>
          <Badge tone={STATUS_TONE[m.status.state] ?? 'neutral'}>{m.status.state}</Badge>
          {m.status.errorCode ? (
            <span className="truncate text-xs text-destructive" title={m.status.errorMessage}>
              {m.status.errorCode} {m.status.errorMessage}
            </span>
          ) : null}
        </span>
      ),
    }),
    col.display({
      id: 'price',
      header: 'Price',
      meta: { className: 'w-28 text-right', cellClassName: 'whitespace-nowrap tabular-nums text-muted-foreground' },
      cell: ({ row: { original: m } }) => (m.price ? `${m.price.amount.toFixed(4)} ${m.price.currency}` : '—'),
    }),
  ]);
}
