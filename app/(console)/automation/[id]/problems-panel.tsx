'use client';

import { AlertTriangle, CircleAlert, X } from 'lucide-react';
import { stepIdAtPath } from '@/lib/automation/graph/problem-locations';
import type { WorkflowJson } from '@/lib/automation/graph/types';

type Issue = { path: string; message: string };

/** Validation results; clicking one selects and centres the step it is about. */
export function ProblemsPanel({
  workflow,
  errors,
  warnings,
  onFocus,
  onClose,
}: {
  workflow: WorkflowJson;
  errors: Issue[];
  warnings: Issue[];
  onFocus: (stepId: string) => void;
  onClose: () => void;
}) {
  const rows = [...errors.map((i) => ({ ...i, level: 'error' as const })), ...warnings.map((i) => ({ ...i, level: 'warning' as const }))];
  return (
    <section className="max-h-44 shrink-0 overflow-y-auto rounded-lg border bg-card" aria-label="Problems" data-testid="problems-panel">
      <header className="sticky top-0 flex items-center gap-2 border-b bg-card px-3 py-1.5 text-xs font-medium">
        Problems · {errors.length} error{errors.length === 1 ? '' : 's'}, {warnings.length} warning{warnings.length === 1 ? '' : 's'}
        <button type="button" aria-label="Close problems" onClick={onClose} className="ml-auto text-muted-foreground hover:text-foreground">
          <X className="size-3.5" />
        </button>
      </header>
      {rows.length === 0 ? <p className="px-3 py-2 text-xs text-muted-foreground">No problems: this workflow can be published.</p> : null}
      <ul>
        {rows.map((r, i) => {
          const step = stepIdAtPath(workflow, r.path);
          return (
            <li key={i}>
              <button
                type="button"
                disabled={!step}
                onClick={() => step && onFocus(step)}
                className="flex w-full items-start gap-2 px-3 py-1 text-left text-xs hover:bg-muted disabled:hover:bg-transparent"
                data-testid="problem-row"
              >
                {r.level === 'error' ? (
                  <CircleAlert className="mt-0.5 size-3.5 shrink-0 text-destructive" />
                ) : (
                  <AlertTriangle className="mt-0.5 size-3.5 shrink-0 text-[var(--warning)]" />
                )}
                <span className="min-w-0">
                  {step ? <span className="font-medium">{step}: </span> : null}
                  {r.message}
                  <span className="ml-1 font-mono text-[10px] text-muted-foreground">{r.path}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
