'use client';

import { AlertTriangle, CircleAlert, X } from 'lucide-react';
import type { PlainProblem } from '@/lib/automation/graph/plain-problems';

/** The workflow's problems in plain words (plainProblems); clicking one selects and centres its step. */
export function ProblemsPanel({ problems, onFocus, onClose }: { problems: PlainProblem[]; onFocus: (stepId: string) => void; onClose: () => void }) {
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="max-h-44 shrink-0 overflow-y-auto rounded-lg border bg-card" aria-label="Problems" data-testid="problems-panel">
      <header className="sticky top-0 flex items-center gap-2 border-b bg-card px-3 py-1.5 text-xs font-medium">
        {problems.length === 1 ? '1 problem' : `${problems.length} problems`}
        {problems.length ? (
          <span className="font-normal text-muted-foreground">
            · {errors} to fix before publishing, {warnings} to look at
          </span>
        ) : null}
        <button type="button" aria-label="Close problems" onClick={onClose} className="ml-auto text-muted-foreground hover:text-foreground">
          <X className="size-3.5" />
        </button>
      </header>
      {problems.length === 0 ? <p className="px-3 py-2 text-xs text-muted-foreground">No problems: this workflow can be published.</p> : null}
      <ul>
        {problems.map((p) => (
          <li key={`${p.level}|${p.path}|${p.text}`}>
            <button
              type="button"
              disabled={!p.stepId}
              onClick={() => p.stepId && onFocus(p.stepId)}
              // The field the check is about, for those who read the JSON (the export, the API).
              title={p.path}
              className="flex w-full items-start gap-2 px-3 py-1 text-left text-xs hover:bg-muted disabled:hover:bg-transparent"
              data-testid="problem-row"
              data-level={p.level}
            >
              {p.level === 'error' ? (
                <CircleAlert className="mt-0.5 size-3.5 shrink-0 text-destructive" aria-label="Must be fixed" />
              ) : (
                <AlertTriangle className="mt-0.5 size-3.5 shrink-0 text-[var(--warning)]" aria-label="Warning" />
              )}
              <span className="min-w-0">{p.text}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
