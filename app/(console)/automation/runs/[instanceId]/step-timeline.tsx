import type { StepRunView } from '@/lib/automation/instances/read-instances';
import { Badge } from '@/components/ui/badge';
import { RunStatusBadge } from '../status-badge';

function duration(step: StepRunView): string {
  if (!step.endedAt) return step.status === 'waiting' ? 'waiting…' : '';
  const ms = new Date(step.endedAt).getTime() - new Date(step.startedAt).getTime();
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

function isEmpty(v: unknown) {
  return v === null || v === undefined || (typeof v === 'object' && Object.keys(v as object).length === 0);
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    // min-w-0: a grid item is otherwise as wide as its longest JSON line, which made the whole page
    // scroll sideways on a phone instead of the block scrolling by itself.
    <div className="min-w-0">
      <p className="mb-1 text-xs font-medium text-muted-foreground">{label}</p>
      {isEmpty(value) ? (
        <p className="text-xs text-muted-foreground">None</p>
      ) : (
        <pre className="max-h-72 overflow-auto rounded-md bg-muted p-2 text-xs">{JSON.stringify(value, null, 2)}</pre>
      )}
    </div>
  );
}

/** One row per step run, oldest first; a failed step opens by default so its error is in view. */
export function StepTimeline({ steps }: { steps: StepRunView[] }) {
  if (!steps.length) return <p className="text-sm text-muted-foreground">No step has run yet.</p>;
  return (
    <ol className="relative space-y-2 border-l border-border pl-4" aria-label="Step timeline">
      {steps.map((s) => (
        <li key={s.seq} className="relative" data-testid={`step-${s.seq}`}>
          <span
            aria-hidden
            className={`absolute -left-[21px] top-3 size-2.5 rounded-full ring-2 ring-card ${s.status === 'failed' ? 'bg-red-500' : s.status === 'waiting' ? 'bg-amber-500' : s.status === 'cancelled' ? 'bg-muted-foreground' : 'bg-green-500'}`}
          />
          <details open={s.status === 'failed' || s.status === 'waiting'} className="group rounded-md border border-border bg-card">
            <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <span className="w-6 text-xs tabular-nums text-muted-foreground">{s.seq}</span>
              <span className="font-mono font-medium">{s.stepId}</span>
              <Badge>{s.stepType}</Badge>
              <RunStatusBadge status={s.status} />
              <span className="ml-auto text-xs text-muted-foreground">{duration(s)}</span>
            </summary>
            <div className="space-y-3 border-t border-border px-3 py-3">
              {s.error ? (
                <p role="alert" className="rounded-md bg-red-50 p-2 text-xs text-red-700 dark:bg-red-500/10 dark:text-red-400">
                  {s.error}
                </p>
              ) : null}
              <div className="grid gap-3 md:grid-cols-2">
                <Json label="Inputs (evaluated)" value={s.inputs} />
                <Json label="Outputs" value={s.outputs} />
              </div>
              <p className="text-xs text-muted-foreground">Started {new Date(s.startedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC</p>
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
