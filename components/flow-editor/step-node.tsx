'use client';

import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { AlertTriangle } from 'lucide-react';
import { HANDLE_SIZE, INPUT_HANDLE_Y, NODE_FOOT, NODE_HEADER, NODE_WIDTH, OUTCOME_ROW } from '@/lib/automation/graph/node-size';
import { outcomesOf } from '@/lib/automation/graph/outcomes';
import { canonicalStepType, STEP_INFO } from '@/lib/automation/graph/step-catalog';
import { summarizeStep } from '@/lib/automation/graph/summarize-step';
import type { StepNodeData } from '@/lib/automation/graph/types';
import { cn } from '@/lib/utils';
import { STEP_ACCENT, STEP_ICONS } from './step-icons';
import { sameNodeView } from './same-node-view';

type Props = NodeProps & { data: StepNodeData };

// Handle sizes and places come from node-size.ts: the canvas tells React Flow where the handles are
// before anything is drawn (lib/automation/graph/node-geometry.ts), so the two must agree.
const HANDLE_BOX = { width: HANDLE_SIZE, height: HANDLE_SIZE };
const INPUT_HANDLE_STYLE = { ...HANDLE_BOX, top: INPUT_HANDLE_Y };

/** One step on the canvas: icon, id, one-line summary, and a handle per outcome. */
function StepNodeView({ data, selected, type }: Props) {
  const known = canonicalStepType(data.step.stepType);
  const kind = known ?? 'Unknown';
  const Icon = STEP_ICONS[kind];
  const outcomes = outcomesOf(data);
  const problems = data.problems ?? [];
  const summary = summarizeStep(data.step);
  return (
    <div
      data-testid={`step-node-${data.step.id}`}
      data-step-type={type}
      data-run-state={data.runState ?? undefined}
      data-problems={problems.length || undefined}
      style={{ width: NODE_WIDTH }}
      className={cn(
        'rounded-lg border bg-card text-card-foreground shadow-sm transition-shadow',
        selected ? 'border-primary ring-2 ring-primary/40' : 'border-border',
        problems.length > 0 && 'border-destructive ring-2 ring-destructive/30',
        data.runState === 'visited' && 'border-[var(--success)] ring-2 ring-[var(--success)]/40',
        data.runState === 'current' && 'border-[var(--success)] ring-4 ring-[var(--success)]/50 animate-pulse',
        data.runState === 'failed' && 'border-destructive ring-4 ring-destructive/50',
      )}
    >
      <Handle
        type="target"
        position={Position.Left}
        id="in"
        data-testid={`handle-${data.step.id}-in`}
        className="!border-2 !border-card !bg-muted-foreground"
        style={INPUT_HANDLE_STYLE}
      />
      <div className="flex items-start gap-2 px-3 pt-2.5" style={{ height: NODE_HEADER }}>
        <span className={cn('mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-md', STEP_ACCENT[kind])}>
          <Icon className="size-4" aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-1.5">
            <span className="truncate text-xs font-semibold" title={data.step.id}>
              {data.step.id}
            </span>
            {problems.length > 0 ? (
              <span
                title={problems.join('\n')}
                className="ml-auto flex items-center gap-0.5 text-[10px] font-medium text-destructive"
                data-testid="node-problem"
              >
                <AlertTriangle className="size-3" aria-hidden />
                {problems.length}
              </span>
            ) : null}
          </div>
          <div className="text-[10px] uppercase tracking-wide text-muted-foreground">{known ? STEP_INFO[known].label : data.step.stepType}</div>
          <div className="truncate text-xs text-muted-foreground" title={summary}>
            {summary}
          </div>
        </div>
      </div>
      <div style={{ paddingBottom: NODE_FOOT }}>
        {outcomes.map((o) => (
          <div key={o.handle} className="relative flex items-center justify-end pr-4 pl-3" style={{ height: OUTCOME_ROW }}>
            <span
              className={cn(
                'truncate text-[11px]',
                o.kind === 'branch' ? 'text-foreground' : 'text-muted-foreground',
                o.otherwise && 'italic',
                o.target && o.kind !== 'do' && 'font-medium',
              )}
              title={o.target ? `${o.label} → ${o.target}` : o.label}
            >
              {o.label}
            </span>
            <Handle
              type="source"
              position={Position.Right}
              id={o.handle}
              data-testid={`handle-${data.step.id}-${o.handle}`}
              isConnectable={o.kind !== 'do'}
              style={HANDLE_BOX}
              className={cn('!border-2 !border-card', o.kind === 'do' ? '!bg-violet-500' : o.kind === 'branch' ? '!bg-primary' : '!bg-muted-foreground')}
            />
          </div>
        ))}
      </div>
    </div>
  );
}

export const StepNode = memo(StepNodeView, sameNodeView);
