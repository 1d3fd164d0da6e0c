'use client';
import * as React from 'react';
import Link from 'next/link';
import { useTheme } from 'next-themes';
import { useQuery } from '@tanstack/react-query';
import { Dialog as D } from 'radix-ui';
import { ExternalLink, Loader2, X } from 'lucide-react';
import type { MessageDetail } from '@/lib/messaging/get-message-detail';
import type { ApiMessage } from '@/lib/messaging/message-view';
import { Badge } from '@/components/ui/badge';
import { MessageView } from '@/components/simulator/message-view';
import { WA_COLORS, WaThemeProvider } from '@/components/whatsapp-preview/wa-theme';
import { CHANNEL_LABEL, STATUS_TONE } from '@/components/insights/logs/message-summary';
import { formatInstant } from '@/components/insights/logs/zoned-time-input';
import { StatusTimeline } from '@/components/insights/logs/status-timeline';

async function fetchDetail(umid: string): Promise<MessageDetail> {
  const res = await fetch(`/logs/feed/${encodeURIComponent(umid)}`, { cache: 'no-store' });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

/** The message as the Logs API returns it: what an integration receives, without the drawer's extras. */
function payloadOf(d: MessageDetail): ApiMessage {
  const { timeline: _t, errorMeaning: _e, campaign: _c, workflowRun: _w, ...message } = d;
  return message;
}

/**
 * A message in full, beside the Logs (a sheet from the right; the whole screen on a phone): its status
 * and why it failed, the facts, where it came from, how WhatsApp shows it, every status it went
 * through, and the JSON. `row` is the table's copy (when the message is in it), whose status the Logs
 * keep live: the detail is read again whenever that status moves.
 */
export function MessageDrawer({ umid, row, timeZone, onClose }: { umid: string | null; row: ApiMessage | undefined; timeZone: string; onClose: () => void }) {
  const detail = useQuery({
    queryKey: ['log-message', umid, row?.status.state, row?.status.timestamp],
    queryFn: () => fetchDetail(umid!),
    enabled: !!umid,
    staleTime: 0,
    placeholderData: (previous) => (previous?.umid === umid ? previous : undefined),
  });
  const d = detail.data?.umid === umid ? detail.data : undefined;
  const head = d ?? row;
  return (
    <D.Root open={!!umid} onOpenChange={(open) => !open && onClose()}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <D.Content
          className="fixed inset-y-0 right-0 z-50 flex w-full max-w-xl flex-col border-l bg-card text-card-foreground shadow-2xl outline-none"
          data-testid="message-drawer"
          aria-describedby={undefined}
        >
          <div className="flex items-start justify-between gap-3 border-b px-5 py-4">
            <div className="min-w-0">
              <D.Title className="text-base font-semibold">
                {head ? `${head.direction === 'inbound' ? 'Inbound' : 'Outbound'} ${CHANNEL_LABEL[head.channel] ?? head.channel} message` : 'Message'}
              </D.Title>
              <p className="mt-0.5 truncate font-mono text-xs text-muted-foreground" data-testid="drawer-umid">
                {umid}
              </p>
            </div>
            <D.Close className="rounded p-1 text-muted-foreground hover:bg-muted" aria-label="Close">
              <X className="size-4" />
            </D.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
            {!d ? (
              <div className="flex items-center gap-2 py-10 text-sm text-muted-foreground" role="status">
                {detail.error ? (
                  (detail.error as Error).message
                ) : (
                  <>
                    <Loader2 className="size-4 animate-spin" aria-hidden /> Loading the message…
                  </>
                )}
              </div>
            ) : (
              <DrawerBody d={d} timeZone={timeZone} />
            )}
          </div>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

function DrawerBody({ d, timeZone }: { d: MessageDetail; timeZone: string }) {
  const facts: Array<[string, React.ReactNode]> = [
    [
      d.direction === 'inbound' ? 'From' : 'To',
      <span key="n" className="font-mono">
        {d.user.msisdn}
      </span>,
    ],
    ['Country', d.country ?? '—'],
    [
      'Subaccount',
      <span key="s" className="font-mono">
        {d.subAccountId}
      </span>,
    ],
    ['Channel', CHANNEL_LABEL[d.channel] ?? d.channel],
    [
      'Category',
      d.category ? (
        <span key="c" className="capitalize">
          {d.category}
        </span>
      ) : (
        '—'
      ),
    ],
    [
      'Price',
      d.price
        ? `${d.price.amount.toFixed(4)} ${d.price.currency}`
        : d.direction === 'inbound'
          ? 'Free (inbound)'
          : FAILED.has(d.status.state)
            ? 'Not charged (not delivered)'
            : 'Priced when delivered',
    ],
    ['Template', d.templateName ? `${d.templateName}${d.templateLanguage ? ` (${d.templateLanguage})` : ''}` : '—'],
    ['Created', formatInstant(d.createdAt, timeZone, true)],
  ];
  if (d.clientMessageId)
    facts.push([
      'Client message id',
      <span key="id" className="break-all font-mono">
        {d.clientMessageId}
      </span>,
    ]);
  return (
    <div className="space-y-6">
      <section>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={STATUS_TONE[d.status.state] ?? 'neutral'} data-testid="drawer-status">
            {d.status.state}
          </Badge>
          <span className="text-xs text-muted-foreground">since {formatInstant(d.status.timestamp, timeZone)}</span>
        </div>
        {d.status.errorCode ? (
          <div className="mt-2 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm" data-testid="drawer-error">
            <p className="font-medium text-destructive">
              {d.status.errorCode} · {d.errorMeaning?.title ?? d.status.errorMessage}
            </p>
            {d.errorMeaning ? <p className="mt-0.5 text-xs text-muted-foreground">{d.errorMeaning.meaning}</p> : null}
          </div>
        ) : null}
      </section>

      <dl className="grid grid-cols-[minmax(0,8rem)_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
        {facts.map(([k, v]) => (
          <React.Fragment key={k}>
            <dt className="text-muted-foreground">{k}</dt>
            <dd className="min-w-0">{v}</dd>
          </React.Fragment>
        ))}
      </dl>

      {d.campaign || d.workflowRun ? (
        <section className="space-y-2 text-sm" aria-label="Sent by">
          {d.campaign ? (
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="text-muted-foreground">Campaign</span>
              <Link
                className="inline-flex items-center gap-1 font-medium text-primary hover:underline"
                href={`/campaigns/${d.campaign.id}`}
                data-testid="drawer-campaign"
              >
                {d.campaign.name} <ExternalLink className="size-3.5" aria-hidden />
              </Link>
              <Link className="text-xs text-muted-foreground hover:underline" href={`/logs?campaignId=${encodeURIComponent(d.campaign.id)}`}>
                All its messages
              </Link>
            </p>
          ) : null}
          {d.workflowRun ? (
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="text-muted-foreground">Workflow run</span>
              <Link
                className="inline-flex items-center gap-1 font-medium text-primary hover:underline"
                href={`/automation/runs/${d.workflowRun.id}`}
                data-testid="drawer-run"
              >
                {d.workflowRun.workflowName ?? d.workflowRun.workflowId} ({d.workflowRun.status}) <ExternalLink className="size-3.5" aria-hidden />
              </Link>
              <Link className="text-xs text-muted-foreground hover:underline" href={`/logs?workflowId=${encodeURIComponent(d.workflowRun.id)}`}>
                All its messages
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section>
        <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted-foreground">As the customer sees it</h3>
        <Rendering m={payloadOf(d)} />
      </section>

      <section>
        <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted-foreground">Status timeline</h3>
        <StatusTimeline entries={d.timeline} timeZone={timeZone} />
      </section>

      <section>
        <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted-foreground">Payload</h3>
        <pre className="max-h-80 overflow-auto rounded-md bg-muted p-3 text-xs leading-relaxed" data-testid="drawer-payload">
          {JSON.stringify(payloadOf(d), null, 2)}
        </pre>
      </section>
    </div>
  );
}

const noop = () => undefined;
const FAILED = new Set(['undelivered', 'rejected']);

/** The message drawn as its channel shows it, on WhatsApp's chat wallpaper in the console's theme. */
function Rendering({ m }: { m: ApiMessage }) {
  const { resolvedTheme } = useTheme();
  const theme = resolvedTheme === 'dark' ? 'dark' : 'light';
  const c = WA_COLORS[theme];
  return (
    <WaThemeProvider value={theme}>
      <div
        className="flex flex-col gap-1.5 rounded-md px-3 py-4 text-[14.2px] leading-[19px]"
        style={{ background: c.wallpaper, color: c.text }}
        data-testid="drawer-rendering"
      >
        <MessageView m={m} onReply={noop} onKey={noop} />
      </div>
    </WaThemeProvider>
  );
}
