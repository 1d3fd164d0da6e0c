'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Pencil, Plus, Send, Trash2, Webhook } from 'lucide-react';
import type { EndpointView } from '@/lib/webhooks/endpoints';
import type { DeliveryView } from '@/lib/webhooks/list-deliveries';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { actionsHeader, SORTED_TIME_COLUMN } from '@/components/data-table/common-columns';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { deleteWebhookAction, resendDeliveryAction } from './actions';
import { AddWebhookDialog } from './add-webhook-dialog';
import { EditWebhookDialog } from './edit-webhook-dialog';
import { TestWebhookDialog } from './test-webhook-dialog';
import { DeliveriesTable } from './deliveries-table';

const col = dataTableColumns<EndpointView>();

type RowActions = { onTest: (e: EndpointView) => void; onEdit: (e: EndpointView) => void; onDelete: (e: EndpointView) => void };

function endpointColumns(act: RowActions, pending: boolean) {
  return col.columns([
    col.accessor('url', {
      header: 'URL',
      enableSorting: true,
      meta: { cellClassName: 'max-w-[18rem] truncate font-mono text-xs' },
      cell: ({ getValue }) => <span title={getValue()}>{getValue()}</span>,
    }),
    col.accessor('events', {
      header: 'Events',
      cell: ({ getValue }) => (
        <div className="flex flex-wrap gap-1">
          {getValue().map((ev) => (
            <Badge key={ev}>{ev}</Badge>
          ))}
        </div>
      ),
    }),
    col.accessor((e) => e.subAccountId ?? undefined, {
      id: 'subAccount',
      header: 'Subaccount',
      enableSorting: true,
      sortUndefined: 'first',
      cell: ({ getValue }) => getValue() ?? <span className="text-muted-foreground">All</span>,
    }),
    col.accessor('createdAt', { header: 'Added', ...SORTED_TIME_COLUMN }),
    col.display({
      id: 'actions',
      header: actionsHeader,
      meta: { className: 'text-right' },
      cell: ({ row }) => (
        // Icons with their names (shown on hover, read by screen readers): three labelled buttons pushed the
        // table past the card's edge at 1280 px.
        <div className="flex justify-end gap-0.5">
          <Button
            variant="ghost"
            size="icon"
            disabled={pending}
            onClick={() => act.onTest(row.original)}
            data-testid="test-webhook"
            aria-label="Send a test event"
            title="Send a test event"
          >
            <Send />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            disabled={pending}
            onClick={() => act.onEdit(row.original)}
            data-testid="edit-webhook"
            aria-label="Edit webhook"
            title="Edit webhook"
          >
            <Pencil />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="text-destructive"
            disabled={pending}
            onClick={() => act.onDelete(row.original)}
            aria-label="Delete webhook"
            title="Delete webhook"
          >
            <Trash2 />
          </Button>
        </div>
      ),
    }),
  ]);
}

export function WebhooksClient({
  accountName,
  endpoints,
  deliveries,
  subAccounts,
}: {
  accountName: string;
  endpoints: EndpointView[];
  deliveries: DeliveryView[];
  subAccounts: string[];
}) {
  const router = useRouter();
  const [adding, setAdding] = React.useState(false);
  // Deleting an endpoint stops its events at once and cannot be undone: asked first, as elsewhere.
  const [deleting, setDeleting] = React.useState<EndpointView | null>(null);
  const [editing, setEditing] = React.useState<EndpointView | null>(null);
  const [testing, setTesting] = React.useState<EndpointView | null>(null);
  const [pending, start] = React.useTransition();
  const columns = React.useMemo(() => endpointColumns({ onTest: setTesting, onEdit: setEditing, onDelete: setDeleting }, pending), [pending]);
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
        <DataTable
          columns={columns}
          data={endpoints}
          getRowId={(e) => e.id}
          rowProps={() => ({ 'data-testid': 'webhook-endpoint' })}
          empty={
            <EmptyState icon={<Webhook />} title="No webhooks yet">
              Add an endpoint to receive inbound messages and delivery receipts on your own server.
            </EmptyState>
          }
        />
      </Card>
      <h2 className="mb-2 text-sm font-semibold">Recent deliveries</h2>
      <Card>
        <DeliveriesTable
          deliveries={deliveries}
          pending={pending}
          onResend={(id) => act(() => resendDeliveryAction({ id }), 'Queued for resending')}
          empty={<EmptyState title="Nothing delivered yet">Deliveries appear here as events happen.</EmptyState>}
        />
      </Card>
      <AddWebhookDialog open={adding} onOpenChange={setAdding} subAccounts={subAccounts} />
      <EditWebhookDialog endpoint={editing} onOpenChange={(o) => !o && setEditing(null)} />
      <TestWebhookDialog endpoint={testing} onOpenChange={(o) => !o && setTesting(null)} />
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
