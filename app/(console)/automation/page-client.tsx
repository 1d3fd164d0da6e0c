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
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
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
        {rows.length === 0 ? (
          <EmptyState icon={<Workflow />} title={workflows.length ? 'No workflow matches' : 'No workflows yet'}>
            {workflows.length ? 'Try another filter.' : canEdit ? 'Create one from an empty canvas, or import a workflow JSON in the 8x8 format.' : 'Nothing has been automated in this account yet.'}
          </EmptyState>
        ) : (
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Trigger</TH>
                <TH>Subaccount</TH>
                <TH>Status</TH>
                <TH>Version</TH>
                <TH>Updated</TH>
                <TH className="w-10">
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((w) => (
                <TR key={w.id}>
                  <TD>
                    <Link href={`/automation/${w.id}`} className="font-medium hover:underline">
                      {w.name}
                    </Link>
                    <div className="text-xs text-muted-foreground">
                      {w.steps} {w.steps === 1 ? 'step' : 'steps'}
                    </div>
                  </TD>
                  {/* Two words ("Inbound SMS") that read as one: broken over two lines they doubled the row. */}
                  <TD className="whitespace-nowrap">{TRIGGER_LABELS[w.trigger] ?? w.trigger}</TD>
                  <TD className="font-mono text-xs">{w.subAccountId}</TD>
                  <TD>
                    <Badge tone={w.status === 'enabled' ? 'success' : 'neutral'}>{w.status === 'enabled' ? 'Enabled' : 'Disabled'}</Badge>
                  </TD>
                  <TD className="text-xs">
                    {w.publishedVersion ? `v${w.publishedVersion} published` : 'Draft'}
                    {w.publishedVersion !== w.latestVersion ? <span className="text-muted-foreground"> · v{w.latestVersion} draft</span> : null}
                  </TD>
                  <TD className="text-xs text-muted-foreground">{new Date(w.updatedAt).toLocaleString()}</TD>
                  <TD>
                    {canEdit ? (
                      <Button variant="ghost" size="icon" aria-label={`Delete ${w.name}`} onClick={() => setDoomed(w)}>
                        <Trash2 />
                      </Button>
                    ) : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
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
