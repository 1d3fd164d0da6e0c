'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Plus, Trash2, Webhook } from 'lucide-react';
import type { EndpointView } from '@/lib/webhooks/endpoints';
import type { DeliveryView } from '@/lib/webhooks/list-deliveries';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/format/relative-time';
import { deleteWebhookAction, resendDeliveryAction } from './actions';
import { AddWebhookDialog } from './add-webhook-dialog';
import { DeliveriesTable } from './deliveries-table';

export function WebhooksClient({ accountName, endpoints, deliveries, subAccounts }: { accountName: string; endpoints: EndpointView[]; deliveries: DeliveryView[]; subAccounts: string[] }) {
  const router = useRouter();
  const [adding, setAdding] = React.useState(false);
  // Deleting an endpoint stops its events at once and cannot be undone: asked first, as elsewhere.
  const [deleting, setDeleting] = React.useState<EndpointView | null>(null);
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
                  <TD className="max-w-[18rem] truncate font-mono text-xs" title={e.url}>
                    {e.url}
                  </TD>
                  <TD>
                    <div className="flex flex-wrap gap-1">
                      {e.events.map((ev) => (
                        <Badge key={ev}>{ev}</Badge>
                      ))}
                    </div>
                  </TD>
                  <TD>{e.subAccountId ?? <span className="text-muted-foreground">All</span>}</TD>
                  <TD className="whitespace-nowrap">
                    <RelativeTime iso={e.createdAt} />
                  </TD>
                  <TD className="text-right">
                    <Button variant="ghost" size="sm" className="text-destructive" disabled={pending} onClick={() => setDeleting(e)}>
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
          <DeliveriesTable deliveries={deliveries} pending={pending} onResend={(id) => act(() => resendDeliveryAction({ id }), 'Queued for resending')} />
        )}
      </Card>
      <AddWebhookDialog open={adding} onOpenChange={setAdding} subAccounts={subAccounts} />
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(o) => !o && setDeleting(null)}
        title="Delete this webhook?"
        description={`${deleting?.url ?? ''} stops receiving events now; deliveries still pending to it are not sent. This cannot be undone.`}
        cancelLabel="Keep it"
        confirmLabel="Delete webhook"
        pending={pending}
        onConfirm={() => {
          const id = deleting!.id;
          setDeleting(null);
          act(() => deleteWebhookAction({ id }), 'Webhook deleted');
        }}
      />
    </>
  );
}
