'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { Plus, Search, Trash2, Workflow } from 'lucide-react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Input } from '@/components/ui/input';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { actionsHeader } from '@/components/data-table/common-columns';
import { TRIGGER_LABELS } from '@/components/flow-editor/trigger-node';
import { deleteWorkflowAction } from './actions';

export type WorkflowRow = {
  id: string;
  name: string;
  trigger: string;
  subAccountId: string;
  status: string;
  steps: number;
  latestVersion: number;
  publishedVersion: number | null;
  updatedAt: string;
};

export function WorkflowListClient({ accountName, workflows, canEdit }: { accountName: string; workflows: WorkflowRow[]; canEdit: boolean }) {
  const router = useRouter();
  const [query, setQuery] = useState('');
  const [doomed, setDoomed] = useState<WorkflowRow | null>(null);
  const [pending, start] = useTransition();
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? workflows.filter((w) => `${w.name} ${w.trigger} ${w.subAccountId}`.toLowerCase().includes(q)) : workflows;
  }, [workflows, query]);
  const columns = useMemo(() => workflowColumns(canEdit ? setDoomed : null), [canEdit]);
  return (
    <>
      <PageHeader
        title="Workflows"
        description={`Automations for ${accountName}: a trigger starts a workflow, its steps message, wait and branch.`}
        actions={
          canEdit ? (
            <Button asChild>
              <Link href="/automation/new">
                <Plus /> New workflow
              </Link>
            </Button>
          ) : null
        }
      />
      <Card className="overflow-hidden p-0">
        {workflows.length > 0 ? (
          <div className="border-b p-3">
            <label className="relative block max-w-xs">
              <span className="sr-only">Filter workflows</span>
              <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" aria-hidden />
              <Input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Filter by name, trigger, subaccount" className="pl-8" />
            </label>
          </div>
        ) : null}
        <DataTable
          columns={columns}
          data={rows}
          getRowId={(w) => w.id}
          rowHref={(w) => `/automation/${w.id}`}
          empty={
            <EmptyState icon={<Workflow />} title={workflows.length ? 'No workflow matches' : 'No workflows yet'}>
              {workflows.length
                ? 'Try another filter.'
                : canEdit
                  ? 'Create one from an empty canvas, or import a workflow JSON in the 8x8 format.'
                  : 'Nothing has been automated in this account yet.'}
            </EmptyState>
          }
        />
      </Card>
      <ConfirmDialog
        open={!!doomed}
        onOpenChange={(o) => !o && setDoomed(null)}
        title={`Delete “${doomed?.name ?? ''}”?`}
        description="It stops starting new runs; runs in progress finish on their version."
        confirmLabel="Delete"
        pending={pending}
        onConfirm={() =>
          start(async () => {
            const r = await deleteWorkflowAction({ id: doomed!.id });
            if (!r.ok) return void toast.error(r.error);
            toast.success('Workflow deleted');
            setDoomed(null);
            router.refresh();
          })
        }
      />
    </>
  );
}

const col = dataTableColumns<WorkflowRow>();

/** The list's columns; `onDelete` is null for someone who may only look. */
function workflowColumns(onDelete: ((w: WorkflowRow) => void) | null) {
  return col.columns([
    col.accessor('name', {
      header: 'Name',
      enableSorting: true,
      // A long name wraps, but not into a column one word wide on a phone.
      meta: { cellClassName: 'min-w-40' },
      cell: ({ row: { original: w } }) => (
        <>
          <Link href={`/automation/${w.id}`} className="font-medium hover:underline">
            {w.name}
          </Link>
          <div className="text-xs text-muted-foreground">
            {w.steps} {w.steps === 1 ? 'step' : 'steps'}
          </div>
        </>
      ),
    }),
    // Two words ("Inbound SMS") that read as one: broken over two lines they doubled the row.
    col.accessor((w) => TRIGGER_LABELS[w.trigger] ?? w.trigger, {
      id: 'trigger',
      header: 'Trigger',
      enableSorting: true,
      meta: { className: 'whitespace-nowrap' },
    }),
    col.accessor('subAccountId', { header: 'Subaccount', enableSorting: true, meta: { cellClassName: 'font-mono text-xs' } }),
    col.accessor('status', {
      header: 'Status',
      enableSorting: true,
      cell: ({ getValue }) => <Badge tone={getValue() === 'enabled' ? 'success' : 'neutral'}>{getValue() === 'enabled' ? 'Enabled' : 'Disabled'}</Badge>,
    }),
    col.display({
      id: 'version',
      header: 'Version',
      meta: { cellClassName: 'whitespace-nowrap text-xs' },
      cell: ({ row: { original: w } }) => (
        <>
          {w.publishedVersion ? `v${w.publishedVersion} published` : 'Draft'}
          {w.publishedVersion !== w.latestVersion ? <span className="text-muted-foreground"> · v{w.latestVersion} draft</span> : null}
        </>
      ),
    }),
    col.accessor('updatedAt', {
      header: 'Updated',
      enableSorting: true,
      sortDescFirst: true,
      meta: { cellClassName: 'whitespace-nowrap text-xs text-muted-foreground' },
      cell: ({ getValue }) => new Date(getValue()).toLocaleString(),
    }),
    col.display({
      id: 'actions',
      header: actionsHeader,
      meta: { headerClassName: 'w-10' },
      cell: ({ row: { original: w } }) =>
        onDelete ? (
          <Button variant="ghost" size="icon" aria-label={`Delete ${w.name}`} onClick={() => onDelete(w)}>
            <Trash2 />
          </Button>
        ) : null,
    }),
  ]);
}
