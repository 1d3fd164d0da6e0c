'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Plus, RotateCw, Trash2, Webhook } from 'lucide-react';
import type { EndpointView } from '@/lib/webhooks/endpoints';
import type { DeliveryView } from '@/lib/webhooks/list-deliveries';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/format/relative-time';
import { deleteWebhookAction, resendDeliveryAction } from './actions';
import { AddWebhookDialog } from './add-webhook-dialog';

const TONE = { succeeded: 'success', failed: 'danger', pending: 'warning' } as const;

export function WebhooksClient({ accountName, endpoints, deliveries, subAccounts }: { accountName: string; endpoints: EndpointView[]; deliveries: DeliveryView[]; subAccounts: string[] }) {
  const router = useRouter();
  const [adding, setAdding] = React.useState(false);
  const [pending, start] = React.useTransition();
  React.useEffect(() => {
    const t = setInterval(() => router.refresh(), 5000);
    return () => clearInterval(t);
  }, [router]);

  const act = (fn: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    start(async () => {
      const r = await fn();
      if (!r.ok) toast.error(r.error ?? 'Failed');
      else {
        toast.success(done);
        router.refresh();
      }
    });

  return (
    <>
      <PageHeader
        title="Webhooks"
        description={`Where ${accountName}'s events go: inbound messages, delivery receipts, template and phone-number updates. Each delivery is signed with X-Parley-Signature (HMAC-SHA256 of the body) and retried for over 24 hours.`}
        actions={
          <Button onClick={() => setAdding(true)}>
            <Plus /> Add webhook
          </Button>
        }
      />
      <Card className="mb-6">
        {endpoints.length === 0 ? (
          <EmptyState icon={<Webhook />} title="No webhooks yet">
            Add an endpoint to receive inbound messages and delivery receipts on your own server.
          </EmptyState>
        ) : (
          <Table>
            <THead>
              <tr>
                <TH>URL</TH>
                <TH>Events</TH>
                <TH>Subaccount</TH>
                <TH>Added</TH>
                <TH className="text-right">
                  <span className="sr-only">Actions</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {endpoints.map((e) => (
                <TR key={e.id} data-testid="webhook-endpoint">
                  <TD className="max-w-[22rem] truncate font-mono text-xs">{e.url}</TD>
                  <TD>
                    <div className="flex flex-wrap gap-1">
                      {e.events.map((ev) => (
                        <Badge key={ev}>{ev}</Badge>
                      ))}
                    </div>
                  </TD>
                  <TD>{e.subAccountId ?? <span className="text-muted-foreground">All</span>}</TD>
                  <TD>
                    <RelativeTime iso={e.createdAt} />
                  </TD>
                  <TD className="text-right">
                    <Button variant="ghost" size="sm" className="text-destructive" disabled={pending} onClick={() => act(() => deleteWebhookAction({ id: e.id }), 'Webhook deleted')}>
                      <Trash2 /> Delete
                    </Button>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <h2 className="mb-2 text-sm font-semibold">Recent deliveries</h2>
      <Card>
        {deliveries.length === 0 ? (
          <EmptyState title="Nothing delivered yet">Deliveries appear here as events happen.</EmptyState>
        ) : (
          <Table>
            <THead>
              <tr>
                <TH>Event</TH>
                <TH>Endpoint</TH>
                <TH>Status</TH>
                <TH>Attempts</TH>
                <TH>Created</TH>
                <TH className="text-right">
                  <span className="sr-only">Actions</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {deliveries.map((d) => (
                <TR key={d.id} data-testid="webhook-delivery">
                  <TD className="font-medium">{d.eventType}</TD>
                  <TD className="max-w-[16rem] truncate font-mono text-xs">{d.endpointUrl}</TD>
                  <TD>
                    <Badge tone={TONE[d.status as keyof typeof TONE] ?? 'neutral'}>{d.status}</Badge>
                    {d.lastError ? <span className="mt-0.5 block text-xs text-destructive">{d.lastError}</span> : null}
                    {d.status === 'pending' && d.nextAttemptAt ? (
                      <span className="block text-xs text-muted-foreground">
                        next try <RelativeTime iso={d.nextAttemptAt} />
                      </span>
                    ) : null}
                  </TD>
                  <TD>
                    <details>
                      <summary className="cursor-pointer">{d.attempts}</summary>
                      <ul className="mt-1 space-y-0.5 text-xs text-muted-foreground">
                        {d.history.map((a, i) => (
                          <li key={i}>
                            {new Date(a.at).toLocaleString()} · {a.statusCode ?? '—'} {a.error ?? 'OK'} · {a.durationMs} ms
                          </li>
                        ))}
                      </ul>
                      <pre className="mt-1 max-h-48 max-w-[28rem] overflow-auto rounded bg-muted p-2 text-xs">{JSON.stringify(d.body, null, 2)}</pre>
                    </details>
                  </TD>
                  <TD>
                    <RelativeTime iso={d.createdAt} />
                  </TD>
                  <TD className="text-right">
                    <Button variant="outline" size="sm" disabled={pending} onClick={() => act(() => resendDeliveryAction({ id: d.id }), 'Queued for resending')}>
                      <RotateCw /> Resend
                    </Button>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <AddWebhookDialog open={adding} onOpenChange={setAdding} subAccounts={subAccounts} />
    </>
  );
}
