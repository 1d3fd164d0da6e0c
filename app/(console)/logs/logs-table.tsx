import { ArrowDownLeft, ArrowUpRight } from 'lucide-react';
import type { ApiMessage } from '@/lib/messaging/message-view';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
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

export function LogsTable({ messages }: { messages: ApiMessage[] }) {
  return (
    <Table>
      <THead>
        <tr>
          <TH>Time</TH>
          <TH>Direction</TH>
          <TH>Channel</TH>
          <TH>MSISDN</TH>
          <TH>Message</TH>
          <TH>Status</TH>
          <TH className="text-right">Price</TH>
        </tr>
      </THead>
      <TBody>
        {messages.map((m) => (
          <TR key={m.umid} data-testid="log-row" data-direction={m.direction}>
            <TD className="whitespace-nowrap text-muted-foreground">
              <RelativeTime iso={m.createdAt} />
            </TD>
            <TD>
              <span className="inline-flex items-center gap-1">
                {m.direction === 'inbound' ? <ArrowDownLeft className="size-3.5 text-sky-600" aria-hidden /> : <ArrowUpRight className="size-3.5 text-emerald-600" aria-hidden />}
                {m.direction === 'inbound' ? 'Inbound' : 'Outbound'}
              </span>
            </TD>
            <TD className="capitalize">{m.channel === 'sms' ? 'SMS' : m.channel === 'whatsapp' ? 'WhatsApp' : m.channel}</TD>
            <TD className="font-mono text-xs">
              {m.user.msisdn}
              {m.country ? <span className="ml-1 text-muted-foreground">{m.country}</span> : null}
            </TD>
            <TD className="max-w-[28rem]">
              <details>
                <summary className="cursor-pointer truncate" data-testid="log-summary">
                  {summarize(m)}
                </summary>
                <pre className="mt-2 max-h-64 overflow-auto rounded bg-muted p-2 text-xs">{JSON.stringify({ umid: m.umid, content: m.content, status: m.status, category: m.category, workflowId: m.workflowId, campaignId: m.campaignId }, null, 2)}</pre>
              </details>
            </TD>
            <TD>
              <Badge tone={TONE[m.status.state] ?? 'neutral'}>{m.status.state}</Badge>
              {m.status.errorCode ? (
                <span className="mt-0.5 block text-xs text-destructive">
                  {m.status.errorCode} {m.status.errorMessage}
                </span>
              ) : null}
            </TD>
            <TD className="text-right tabular-nums text-muted-foreground">{m.price ? `${m.price.amount.toFixed(4)} ${m.price.currency}` : '—'}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
