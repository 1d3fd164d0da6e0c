import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChevronLeft, Workflow } from 'lucide-react';
import { db } from '@/lib/db/client';
import { can } from '@/lib/auth/principal';
import { NotFoundError } from '@/lib/errors';
import { getInstance } from '@/lib/automation/instances/read-instances';
import { getWorkflowHeading } from '@/lib/automation/workflows/read-workflows';
import { requireAccountPage } from '@/app/_lib/console-context';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/format/relative-time';
import { RunStatusBadge } from '../status-badge';
import { RunActions } from './run-actions';
import { StepTimeline } from './step-timeline';

export const metadata: Metadata = { title: 'Run' };

async function load(accountId: string, instanceId: string) {
  try {
    return await getInstance(db, accountId, instanceId);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export default async function RunPage({ params }: { params: Promise<{ instanceId: string }> }) {
  const { account, principal } = await requireAccountPage('automation.view');
  const { instanceId } = await params;
  const run = await load(account.id, instanceId);
  const wf = await getWorkflowHeading(db, account.id, run.definitionId);
  const canAct = can(principal, 'automation.publish');

  return (
    <>
      <Link href="/automation/runs" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft className="size-4" /> Runs
      </Link>
      <PageHeader
        title={`${wf?.name ?? 'Deleted workflow'} · run ${run.workflowId.slice(-10)}`}
        description={`Version ${run.version}${wf ? ` · ${wf.trigger}` : ''} · subaccount ${run.subAccountId}`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {/* The editor draws a run's path on its graph (?instance=), but nothing led there from
                here: a run was only ever a list of step ids, without the workflow's shape. */}
            {wf && !wf.deletedAt ? (
              <Button asChild variant="outline">
                <Link href={`/automation/${run.definitionId}?instance=${encodeURIComponent(run.workflowId)}`}>
                  <Workflow /> Show on the graph
                </Link>
              </Button>
            ) : null}
            {canAct ? <RunActions instanceId={run.workflowId} status={run.status} failedStep={run.status === 'failed' ? run.currentStepId : null} /> : null}
          </div>
        }
      />
      {/* min-w-0 on both columns: long step inputs and outputs scroll inside their blocks instead of
          widening the page past a 390 px screen. */}
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>Steps</CardTitle>
            </CardHeader>
            <CardContent>
              <StepTimeline steps={run.steps} />
            </CardContent>
          </Card>
        </div>
        <div className="min-w-0 space-y-4">
          <Card>
            <CardHeader>
              <CardTitle>Summary</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
                <dt className="text-muted-foreground">Status</dt>
                <dd>
                  <RunStatusBadge status={run.status} />
                </dd>
                <dt className="text-muted-foreground">Started</dt>
                <dd>
                  <RelativeTime iso={run.createdAt} />
                </dd>
                <dt className="text-muted-foreground">Last change</dt>
                <dd>
                  <RelativeTime iso={run.updatedAt} />
                </dd>
                {run.status === 'waiting' ? (
                  <>
                    <dt className="text-muted-foreground">Waiting</dt>
                    <dd>
                      {run.waitKind === 'timer' ? 'until' : run.waitKind === 'reply' ? 'for a reply, at most until' : 'for a key press, at most until'}{' '}
                      {run.waitUntil ? <RelativeTime iso={run.waitUntil} /> : '—'}
                    </dd>
                  </>
                ) : null}
                <dt className="text-muted-foreground">Steps run</dt>
                <dd>{run.steps.length}</dd>
                <dt className="text-muted-foreground">Run id</dt>
                <dd className="break-all font-mono text-xs">{run.workflowId}</dd>
              </dl>
              {run.error ? (
                <p role="alert" className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-500/10 dark:text-red-400">
                  {run.error}
                </p>
              ) : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Context (data)</CardTitle>
            </CardHeader>
            <CardContent>
              <pre className="max-h-96 overflow-auto rounded-md bg-muted p-3 text-xs">{JSON.stringify(run.data, null, 2)}</pre>
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
