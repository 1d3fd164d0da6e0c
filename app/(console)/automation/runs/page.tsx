import type { Metadata } from 'next';
import Link from 'next/link';
import { Workflow } from 'lucide-react';
import { db } from '@/lib/db/client';
import { listWorkflows } from '@/lib/automation/workflows';
import { INSTANCE_STATUSES, type InstanceStatus } from '@/lib/automation/instances/read-instances';
import { listRuns } from '@/lib/automation/instances/list-runs';
import { requireAccountPage } from '@/app/_lib/console-context';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { RunsTable } from './runs-table';

export const metadata: Metadata = { title: 'Runs' };

const PAGE = 50;

type Search = { workflow?: string; status?: string; before?: string; customer?: string };

export default async function RunsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { account } = await requireAccountPage('automation.view');
  const sp = await searchParams;
  const status = (INSTANCE_STATUSES as readonly string[]).includes(sp.status ?? '') ? (sp.status as InstanceStatus) : undefined;
  const before = sp.before && !Number.isNaN(Date.parse(sp.before)) ? new Date(sp.before) : undefined;
  const customer = typeof sp.customer === 'string' ? sp.customer.trim().slice(0, 100) : '';
  const [workflows, runs] = await Promise.all([
    listWorkflows(db, account.id),
    listRuns(db, account.id, { definitionId: sp.workflow || undefined, status, limit: PAGE, before, customer: customer || undefined }),
  ]);
  const names = new Map(workflows.map((w) => [w.id, w.name]));
  const filtered = Boolean(sp.workflow || status || before || customer);
  const older =
    runs.length === PAGE
      ? new URLSearchParams({
          ...(sp.workflow ? { workflow: sp.workflow } : {}),
          ...(status ? { status } : {}),
          ...(customer ? { customer } : {}),
          before: runs[runs.length - 1]!.createdAt,
        })
      : null;

  return (
    <>
      <PageHeader title="Runs" description="Every workflow instance: what it did step by step, what it waits for, and why it failed." />
      <Card className="mb-4 p-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter runs">
          <Field label="Workflow" htmlFor="workflow" className="min-w-56">
            <Select id="workflow" name="workflow" defaultValue={sp.workflow ?? ''}>
              <option value="">All workflows</option>
              {workflows.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Status" htmlFor="status" className="min-w-40">
            <Select id="status" name="status" defaultValue={status ?? ''}>
              <option value="">Any status</option>
              {INSTANCE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Customer" htmlFor="customer" className="min-w-48 flex-1 sm:max-w-64">
            <Input id="customer" name="customer" type="search" defaultValue={customer} placeholder="Number or contact name" />
          </Field>
          <Button type="submit" variant="outline">
            Apply
          </Button>
          {filtered ? (
            <Button asChild variant="ghost">
              <Link href="/automation/runs">Clear</Link>
            </Button>
          ) : null}
        </form>
      </Card>
      <Card>
        <RunsTable
          runs={runs.map((r) => ({ ...r, workflowName: names.get(r.definitionId) ?? 'Deleted workflow' }))}
          empty={
            <EmptyState icon={<Workflow />} title={filtered ? 'No runs match these filters' : 'No runs yet'}>
              {filtered
                ? 'Try another workflow, status or customer.'
                : 'A run starts when an enabled workflow is triggered by an inbound message or an HTTP request.'}
            </EmptyState>
          }
        />
      </Card>
      {older ? (
        <div className="mt-4 flex justify-center">
          <Button asChild variant="outline">
            <Link href={`/automation/runs?${older.toString()}`}>Older runs</Link>
          </Button>
        </div>
      ) : null}
    </>
  );
}
