'use client';

import { ArrowDown, ArrowUp, Plus, X } from 'lucide-react';
import { describeCondition } from '@/lib/automation/graph/describe-condition';
import type { Branch } from '@/lib/automation/graph/types';
import { Select } from '@/components/ui/input';
import { ConditionBuilder } from '../fields/condition-builder';
import type { PanelProps } from './panel-kit';

/** selectNextStep as an ordered list of paths: condition (or "otherwise") → step. */
export function BranchesEditor({ node, update, trigger, stepIds }: PanelProps) {
  const branches = node.data.branches ?? [];
  const set = (next: Branch[], key?: string) => update((d) => ({ ...d, branches: next }), key);
  const move = (i: number, by: number) => {
    const next = [...branches];
    const [b] = next.splice(i, 1);
    next.splice(i + by, 0, b!);
    set(next);
  };
  return (
    <fieldset className="space-y-2" data-testid="branches-editor">
      <legend className="text-sm font-medium">Paths (first true condition wins)</legend>
      {branches.map((b, i) => (
        <div key={i} className="space-y-1.5 rounded-md border bg-muted/40 p-2" data-testid={`branch-${i}`}>
          <div className="flex items-center gap-1">
            <span className="min-w-0 flex-1 truncate text-xs font-medium">
              {i + 1}. {describeCondition(b.condition, node.data.step.stepType)}
            </span>
            <button type="button" aria-label="Move up" disabled={i === 0} onClick={() => move(i, -1)} className="text-muted-foreground disabled:opacity-30">
              <ArrowUp className="size-3.5" />
            </button>
            <button
              type="button"
              aria-label="Move down"
              disabled={i === branches.length - 1}
              onClick={() => move(i, 1)}
              className="text-muted-foreground disabled:opacity-30"
            >
              <ArrowDown className="size-3.5" />
            </button>
            <button
              type="button"
              aria-label={`Remove path ${i + 1}`}
              onClick={() => set(branches.filter((_, j) => j !== i))}
              className="text-muted-foreground hover:text-destructive"
            >
              <X className="size-3.5" />
            </button>
          </div>
          <label className="flex items-center gap-1.5 text-xs">
            <input
              type="checkbox"
              checked={b.condition == null}
              onChange={(e) => set(branches.map((x, j) => (j === i ? { ...x, condition: e.target.checked ? null : '{{true}}' } : x)))}
            />
            Otherwise (default path)
          </label>
          {b.condition != null ? (
            <ConditionBuilder
              id={`${node.id}-branch-${i}`}
              value={b.condition}
              trigger={trigger}
              onChange={(v) =>
                set(
                  branches.map((x, j) => (j === i ? { ...x, condition: v } : x)),
                  `${node.id}:branch.${i}`,
                )
              }
            />
          ) : null}
          <Select
            aria-label={`Path ${i + 1} goes to`}
            className="h-8 px-2 text-xs"
            value={b.target}
            onChange={(e) => {
              if (e.target.value && branches.some((x, j) => j !== i && x.target === e.target.value)) return;
              set(branches.map((x, j) => (j === i ? { ...x, target: e.target.value } : x)));
            }}
          >
            <option value="">Go to… (or drag from the handle)</option>
            {b.target && !stepIds.includes(b.target) ? <option value={b.target}>{b.target} (missing: ends the workflow)</option> : null}
            {stepIds
              .filter((s) => s !== node.id)
              .map((s) => (
                <option key={s} value={s} disabled={branches.some((x, j) => j !== i && x.target === s)}>
                  {s}
                </option>
              ))}
          </Select>
        </div>
      ))}
      <button
        type="button"
        className="inline-flex items-center gap-1 text-xs text-primary hover:underline"
        onClick={() => set([...branches, { target: '', condition: '{{true}}' }])}
      >
        <Plus className="size-3.5" /> Add path
      </button>
      <p className="text-xs text-muted-foreground">Each target step can be used by one path only (8x8 keys paths by step id).</p>
    </fieldset>
  );
}
