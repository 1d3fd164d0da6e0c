'use client';
import * as React from 'react';
import Link from 'next/link';
import { FolderPlus, Plus, RadioTower } from 'lucide-react';
import type { SubAccountWithChannels } from '@/lib/provisioning/list-channels';
import type { ChannelView } from '@/lib/provisioning/channel-view';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { AddChannelDialog } from './add-channel-dialog';
import { AddSubAccountDialog } from './add-subaccount-dialog';
import { kindLabel, providerLabel } from './labels';

const col = dataTableColumns<ChannelView>();
const columns = col.columns([
  col.accessor('name', {
    header: 'Channel',
    enableSorting: true,
    cell: ({ row: { original: c } }) => (
      <>
        <Link href={`/settings/channels/${encodeURIComponent(c.id)}`} className="font-medium hover:underline">
          {c.name}
        </Link>
        <p className="font-mono text-xs text-muted-foreground">{c.id}</p>
      </>
    ),
  }),
  col.accessor('kind', {
    header: 'Kind',
    enableSorting: true,
    meta: { className: 'hidden sm:table-cell' },
    cell: ({ getValue }) => <Badge>{kindLabel(getValue())}</Badge>,
  }),
  col.accessor('address', { header: 'Number or sender', meta: { cellClassName: 'font-mono text-xs' } }),
  col.accessor('provider', {
    header: 'Provider',
    enableSorting: true,
    meta: { className: 'hidden sm:table-cell' },
    cell: ({ getValue }) => <Badge tone={getValue() === '8x8' ? 'info' : 'neutral'}>{providerLabel(getValue())}</Badge>,
  }),
  col.accessor((c) => c.credentials ?? '', {
    id: 'credentials',
    header: 'Credentials',
    meta: { className: 'hidden md:table-cell' },
    cell: ({ getValue }) => (getValue() === 'set' ? <Badge tone="success">Set</Badge> : <span className="text-muted-foreground">None</span>),
  }),
]);

export function ChannelsClient({ accountName, subAccounts }: { accountName: string; subAccounts: SubAccountWithChannels[] }) {
  const [addingSub, setAddingSub] = React.useState(false);
  const [addingTo, setAddingTo] = React.useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="Channels"
        description={`${accountName}'s subaccounts and the WhatsApp numbers and SMS senders they send from: the sandbox to try things, 8x8 to reach real customers.`}
        actions={
          <>
            <Button variant="outline" onClick={() => setAddingSub(true)}>
              <FolderPlus /> New subaccount
            </Button>
            <Button onClick={() => setAddingTo(subAccounts[0]?.id ?? '')} disabled={!subAccounts.length}>
              <Plus /> Add channel
            </Button>
          </>
        }
      />
      <div className="space-y-6">
        {subAccounts.map((s) => (
          <Card key={s.id} data-testid="subaccount" data-subaccount={s.id}>
            <CardHeader className="flex-row items-center justify-between gap-3">
              <div className="min-w-0">
                <h2 className="truncate text-sm font-semibold">{s.name}</h2>
                <p className="truncate font-mono text-xs text-muted-foreground">{s.id}</p>
              </div>
              <Button variant="outline" size="sm" onClick={() => setAddingTo(s.id)} aria-label={`Add a channel to ${s.name}`}>
                <Plus /> Channel
              </Button>
            </CardHeader>
            <DataTable
              columns={columns}
              data={s.channels}
              getRowId={(c) => c.id}
              rowHref={(c) => `/settings/channels/${encodeURIComponent(c.id)}`}
              rowProps={(c) => ({ 'data-testid': 'channel-row', 'data-channel': c.id })}
              empty={
                <EmptyState icon={<RadioTower />} title="No channels yet">
                  Add a WhatsApp number or an SMS sender so this subaccount can send.
                </EmptyState>
              }
            />
          </Card>
        ))}
        {!subAccounts.length ? (
          <Card>
            <EmptyState icon={<FolderPlus />} title="No subaccounts yet">
              Create a subaccount first; its channels send and receive the messages.
            </EmptyState>
          </Card>
        ) : null}
      </div>
      <AddSubAccountDialog open={addingSub} onOpenChange={setAddingSub} />
      <AddChannelDialog
        subAccountId={addingTo}
        subAccounts={subAccounts.map((s) => ({ id: s.id, name: s.name }))}
        onOpenChange={(o) => !o && setAddingTo(null)}
      />
    </>
  );
}
