'use client';
import type { ReactNode } from 'react';
import { ArrowDownLeft, ArrowUpRight } from 'lucide-react';
import type { ApiMessage } from '@/lib/messaging/message-view';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/format/relative-time';

const TONE: Record<string, 'success' | 'danger' | 'warning' | 'info' | 'neutral'> = {
  read: 'success',
  delivered: 'success',
  sent: 'info',
  queued: 'neutral',
  received: 'info',
  undelivered: 'danger',
  rejected: 'danger',
};

/** A one-line summary of what the message said. */
export function summarize(m: Pick<ApiMessage, 'type' | 'content' | 'templateName'>): string {
  const c = (m.content ?? {}) as Record<string, any>;
  if (m.type === 'template') return `Template ${m.templateName ?? c.template?.name ?? ''}`;
  if (m.type === 'interactive') return c.interactive?.body?.text ?? 'Interactive message';
  if (m.type === 'dtmf') return `Pressed ${c.dtmf}`;
  if (typeof c.text === 'string') return c.text;
  if (typeof c.url === 'string') return `${m.type}: ${c.url}`;
  return m.type;
}

const col = dataTableColumns<ApiMessage>();

/**
 * One page of messages, newest first. No sortable columns: the page is one slice of a cursor-paginated
 * log (filters and "Older messages" live in the URL), and sorting a slice would only mislead.
 */
const columns = col.columns([
  col.accessor('createdAt', {
    header: 'Time',
    meta: { cellClassName: 'whitespace-nowrap text-muted-foreground' },
    cell: ({ getValue }) => <RelativeTime iso={getValue()} />,
  }),
  col.accessor('direction', {
    header: 'Direction',
    cell: ({ getValue }) => (
      <span className="inline-flex items-center gap-1">
        {getValue() === 'inbound' ? (
          <ArrowDownLeft className="size-3.5 text-sky-600" aria-hidden />
        ) : (
          <ArrowUpRight className="size-3.5 text-emerald-600" aria-hidden />
        )}
        {getValue() === 'inbound' ? 'Inbound' : 'Outbound'}
      </span>
    ),
  }),
  col.accessor('channel', {
    header: 'Channel',
    meta: { cellClassName: 'capitalize' },
    cell: ({ getValue }) => (getValue() === 'sms' ? 'SMS' : getValue() === 'whatsapp' ? 'WhatsApp' : getValue()),
  }),
  col.display({
    id: 'msisdn',
    header: 'MSISDN',
    meta: { cellClassName: 'font-mono text-xs' },
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
    // The message takes whatever width the other columns leave (w-full with max-w-0) and truncates
    // in it: a fixed 28rem, beside a failed message's error, pushed Status and Price out of the card at 1280 px.
    meta: { cellClassName: 'w-full max-w-0 min-w-56' },
    cell: ({ row: { original: m } }) => (
      <details>
        <summary className="cursor-pointer truncate" data-testid="log-summary">
          {summarize(m)}
        </summary>
        <pre className="mt-2 max-h-64 overflow-auto rounded bg-muted p-2 text-xs">
          {JSON.stringify(
            { umid: m.umid, content: m.content, status: m.status, category: m.category, workflowId: m.workflowId, campaignId: m.campaignId },
            null,
            2,
          )}
        </pre>
      </details>
    ),
  }),
  col.display({
    id: 'status',
    header: 'Status',
    meta: { cellClassName: 'min-w-44' },
    cell: ({ row: { original: m } }) => (
      <>
        <Badge tone={TONE[m.status.state] ?? 'neutral'}>{m.status.state}</Badge>
        {m.status.errorCode ? (
          <span className="mt-0.5 block text-xs text-destructive">
            {m.status.errorCode} {m.status.errorMessage}
          </span>
        ) : null}
      </>
    ),
  }),
  col.display({
    id: 'price',
    header: 'Price',
    meta: { className: 'text-right', cellClassName: 'tabular-nums text-muted-foreground' },
    cell: ({ row: { original: m } }) => (m.price ? `${m.price.amount.toFixed(4)} ${m.price.currency}` : '—'),
  }),
]);

export function LogsTable({ messages, empty }: { messages: ApiMessage[]; empty: ReactNode }) {
  return (
    <DataTable
      columns={columns}
      data={messages}
      getRowId={(m) => m.umid}
      rowProps={(m) => ({ 'data-testid': 'log-row', 'data-direction': m.direction })}
      empty={empty}
    />
  );
}
