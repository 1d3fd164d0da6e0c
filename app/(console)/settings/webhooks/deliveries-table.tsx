'use client';
import * as React from 'react';
import { ChevronDown, ChevronRight, RotateCw } from 'lucide-react';
import type { DeliveryView } from '@/lib/webhooks/list-deliveries';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { RelativeTime } from '@/components/format/relative-time';

const TONE = { succeeded: 'success', failed: 'danger', pending: 'warning' } as const;
const COLUMNS = 5;

/**
 * Recent deliveries. A delivery's attempts and body open in a row of their own under it, across the
 * whole table: inside the narrow Attempts cell the body's JSON widened the table until the Created
 * and Resend columns were pushed out of the card, so a failed delivery could not be resent.
 */
export function DeliveriesTable({ deliveries, pending, onResend }: { deliveries: DeliveryView[]; pending: boolean; onResend: (id: string) => void }) {
  const [open, setOpen] = React.useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table>
      <THead>
        <tr>
          <TH>Event and endpoint</TH>
          <TH>Status</TH>
          <TH>Attempts</TH>
          <TH>Created</TH>
          <TH className="text-right">
            <span className="sr-only">Actions</span>
          </TH>
        </tr>
      </THead>
      <TBody>
        {deliveries.map((d) => {
          const shown = open.has(d.id);
          return (
            <React.Fragment key={d.id}>
              <TR data-testid="webhook-delivery" className={shown ? 'border-b-0' : undefined}>
                {/* The endpoint under its event rather than in a column of its own: six columns with
                    long event names and URLs pushed Resend past the card's edge at 1280 px. */}
                <TD>
                  <div className="font-medium">{d.eventType}</div>
                  <div className="max-w-[20rem] truncate font-mono text-xs text-muted-foreground" title={d.endpointUrl}>
                    {d.endpointUrl}
                  </div>
                </TD>
                <TD>
                  <Badge tone={TONE[d.status as keyof typeof TONE] ?? 'neutral'}>{d.status}</Badge>
                  {d.lastError ? <span className="mt-0.5 block text-xs text-destructive">{d.lastError}</span> : null}
                  {d.status === 'pending' && d.nextAttemptAt ? (
                    <span className="block whitespace-nowrap text-xs text-muted-foreground">
                      next try <RelativeTime iso={d.nextAttemptAt} />
                    </span>
                  ) : null}
                </TD>
                <TD>
                  <button type="button" className="inline-flex items-center gap-1 whitespace-nowrap text-sm hover:underline" aria-expanded={shown} onClick={() => toggle(d.id)}>
                    {shown ? <ChevronDown className="size-3.5" /> : <ChevronRight className="size-3.5" />}
                    {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
                  </button>
                </TD>
                <TD className="whitespace-nowrap">
                  <RelativeTime iso={d.createdAt} />
                </TD>
                <TD className="text-right">
                  <Button variant="outline" size="sm" disabled={pending} onClick={() => onResend(d.id)}>
                    <RotateCw /> Resend
                  </Button>
                </TD>
              </TR>
              {shown ? (
                <TR data-testid="webhook-delivery-detail" className="hover:bg-transparent">
                  <TD colSpan={COLUMNS} className="pt-0">
                    <ul className="space-y-0.5 text-xs text-muted-foreground">
                      {d.history.map((a, i) => (
                        <li key={i}>
                          {new Date(a.at).toLocaleString()} · {a.statusCode ?? '—'} {a.error ?? 'OK'} · {a.durationMs} ms
                        </li>
                      ))}
                    </ul>
                    {/* min-w-0 on a block inside a table cell is not enough: w-0 min-w-full keeps the
                        body from widening the table, and long lines scroll inside it. */}
                    <pre className="mt-1 max-h-48 w-0 min-w-full overflow-auto rounded bg-muted p-2 text-xs">{JSON.stringify(d.body, null, 2)}</pre>
                  </TD>
                </TR>
              ) : null}
            </React.Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}
