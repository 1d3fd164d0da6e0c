'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Building2, Pause, Pencil, Play, Plus } from 'lucide-react';
import type { CustomerAccountView } from '@/lib/provisioning/account-view';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { actionsHeader, SORTED_TIME_COLUMN } from '@/components/data-table/common-columns';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { updateAccountAction } from './actions';
import { NewAccountDialog, type RegionOption } from './new-account-dialog';
import { RenameAccountDialog } from './rename-account-dialog';

const col = dataTableColumns<CustomerAccountView>();

type RowActions = { onRename: (a: CustomerAccountView) => void; onToggle: (a: CustomerAccountView) => void };

function accountColumns(act: RowActions, pending: boolean) {
  return col.columns([
    col.accessor('name', {
      header: 'Name',
      enableSorting: true,
      cell: ({ row: { original: a } }) => (
        <>
          <span className="font-medium">{a.name}</span>
          {/* On a phone the id and status columns give way to the row's actions; both stay under the name. */}
          <p className="font-mono text-xs text-muted-foreground sm:hidden">{a.id}</p>
          {a.status === 'suspended' ? (
            <Badge tone="danger" className="mt-1 sm:hidden">
              Suspended
            </Badge>
          ) : null}
        </>
      ),
    }),
    col.accessor('id', { header: 'Id', enableSorting: true, meta: { className: 'hidden sm:table-cell', cellClassName: 'font-mono text-xs' } }),
    col.accessor('regionLabel', { header: 'Region', enableSorting: true, meta: { className: 'hidden md:table-cell' } }),
    col.accessor('status', {
      header: 'Status',
      enableSorting: true,
      meta: { className: 'hidden sm:table-cell' },
      cell: ({ getValue }) => (getValue() === 'suspended' ? <Badge tone="danger">Suspended</Badge> : <Badge tone="success">Active</Badge>),
    }),
    col.accessor('createdAt', { header: 'Created', ...SORTED_TIME_COLUMN, meta: { ...SORTED_TIME_COLUMN.meta, className: 'hidden lg:table-cell' } }),
    col.display({
      id: 'actions',
      header: actionsHeader,
      meta: { className: 'text-right' },
      cell: ({ row: { original: a } }) => (
        <div className="flex justify-end gap-0.5">
          <Button variant="ghost" size="icon" disabled={pending} onClick={() => act.onRename(a)} aria-label={`Rename ${a.name}`} title="Rename">
            <Pencil />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className={a.status === 'active' ? 'text-destructive' : undefined}
            disabled={pending}
            onClick={() => act.onToggle(a)}
            aria-label={`${a.status === 'active' ? 'Suspend' : 'Resume'} ${a.name}`}
            title={a.status === 'active' ? 'Suspend' : 'Resume'}
          >
            {a.status === 'active' ? <Pause /> : <Play />}
          </Button>
        </div>
      ),
    }),
  ]);
}

export function AccountsClient({ accounts, regions }: { accounts: CustomerAccountView[]; regions: RegionOption[] }) {
  const router = useRouter();
  const [adding, setAdding] = React.useState(false);
  const [renaming, setRenaming] = React.useState<CustomerAccountView | null>(null);
  const [toggling, setToggling] = React.useState<CustomerAccountView | null>(null);
  const [pending, start] = React.useTransition();
  const columns = React.useMemo(() => accountColumns({ onRename: setRenaming, onToggle: setToggling }, pending), [pending]);

  function toggle(a: CustomerAccountView) {
    const suspend = a.status === 'active';
    setToggling(null);
    start(async () => {
      const r = await updateAccountAction({ id: a.id, change: { suspended: suspend } });
      if (!r.ok) return void toast.error(r.error);
      toast.success(suspend ? `${a.name} is suspended` : `${a.name} is active again`);
      router.refresh();
    });
  }

  const suspending = toggling?.status === 'active';
  return (
    <>
      <PageHeader
        title="Accounts"
        description="Your customers' accounts: each lives in one 8x8 platform region, has its own subaccounts, channels and API keys, and can be suspended."
        actions={
          <Button onClick={() => setAdding(true)}>
            <Plus /> New account
          </Button>
        }
      />
      <Card>
        <DataTable
          columns={columns}
          data={accounts}
          getRowId={(a) => a.id}
          rowProps={(a) => ({ 'data-testid': 'account-row', 'data-account': a.id })}
          empty={
            <EmptyState icon={<Building2 />} title="No customer accounts yet">
              Create an account for a customer, then add its subaccounts and channels under Settings → Channels.
            </EmptyState>
          }
        />
      </Card>
      <NewAccountDialog open={adding} onOpenChange={setAdding} regions={regions} />
      <RenameAccountDialog account={renaming} onOpenChange={(o) => !o && setRenaming(null)} />
      <ConfirmDialog
        open={!!toggling}
        onOpenChange={(o) => !o && setToggling(null)}
        title={suspending ? `Suspend ${toggling?.name ?? ''}?` : `Resume ${toggling?.name ?? ''}?`}
        description={
          suspending
            ? 'Its API keys are refused and nothing it sends goes out (messages, campaigns, workflow steps) until you resume it. Nothing is deleted.'
            : 'Its API keys work again and it can send as before.'
        }
        cancelLabel="Cancel"
        confirmLabel={suspending ? 'Suspend account' : 'Resume account'}
        confirmTestId="confirm-account-status"
        pending={pending}
        onConfirm={() => toggle(toggling!)}
      />
    </>
  );
}
