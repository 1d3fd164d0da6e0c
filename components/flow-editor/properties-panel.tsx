'use client';

import { memo, useEffect, useState } from 'react';
import { Trash2 } from 'lucide-react';
import { checkStepId } from '@/lib/automation/graph/step-ids';
import { canonicalStepType, isBranchOnly, STEP_INFO } from '@/lib/automation/graph/step-catalog';
import { outputHint } from '@/lib/automation/steps/step-definitions';
import type { GraphNode, StepGraphNode } from '@/lib/automation/graph/types';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { KeyValueEditor } from './fields/key-value-editor';
import { BranchesEditor } from './panels/branches-editor';
import type { PanelProps } from './panels/panel-kit';
import { STEP_PANELS } from './panels/step-panels';
import { STEP_ICONS } from './step-icons';

function StepIdField({ node, nodes, onRename }: { node: StepGraphNode; nodes: GraphNode[]; onRename: (id: string) => boolean }) {
  const [value, setValue] = useState(node.id);
  useEffect(() => setValue(node.id), [node.id]);
  const error = checkStepId(nodes, value, node.id);
  const apply = () => {
    if (value !== node.id && !error) onRename(value);
  };
  return (
    <Field label="Step name" htmlFor="step-id" help="Unique in the workflow; renaming updates every path to it" error={error}>
      <Input
        id="step-id"
        value={value}
        aria-invalid={!!error}
        onChange={(e) => setValue(e.target.value.trim())}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
    </Field>
  );
}

/** The form for the selected step: its name, its type's properties, paths, outputs. */
export const PropertiesPanel = memo(function PropertiesPanel({
  node,
  nodes,
  panel,
  onRename,
  onDelete,
}: {
  node: StepGraphNode;
  nodes: GraphNode[];
  panel: Omit<PanelProps, 'node'>;
  onRename: (id: string) => boolean;
  onDelete: () => void;
}) {
  const known = canonicalStepType(node.data.step.stepType);
  const type = known ?? 'Unknown';
  const Panel = known ? STEP_PANELS[known] : null;
  const Icon = STEP_ICONS[type];
  const hint = known ? outputHint(known) : undefined;
  const props: PanelProps = { ...panel, node };
  const hasBranches = node.data.branches != null;
  const stepIds = panel.stepIds;
  const showNext = !isBranchOnly(type) && type !== 'JumpTo';
  return (
    <div className="space-y-4" data-testid="properties-panel">
      <div className="flex items-center gap-2">
        <Icon className="size-4 text-muted-foreground" aria-hidden />
        <h2 className="text-sm font-semibold">{known ? STEP_INFO[known].label : node.data.step.stepType}</h2>
        <Button variant="ghost" size="sm" className="ml-auto text-destructive" onClick={onDelete} aria-label="Delete step">
          <Trash2 /> Delete
        </Button>
      </div>
      <StepIdField key={node.id} node={node} nodes={nodes} onRename={onRename} />
      {Panel ? <Panel {...props} /> : <p className="text-sm text-destructive">Unknown step type “{node.data.step.stepType}”: it is kept as is on export.</p>}
      {hasBranches ? <BranchesEditor {...props} /> : null}
      {!hasBranches && type !== 'If' && type !== 'JumpTo' ? (
        <button
          type="button"
          className="text-xs text-primary hover:underline"
          onClick={() => panel.update((d) => ({ ...d, branches: [{ target: '', condition: '{{true}}' }] }))}
        >
          + Choose the next step by conditions (selectNextStep)
        </button>
      ) : null}
      {showNext ? (
        <Field label={hasBranches ? 'When no path matches, go to' : 'Next step'} htmlFor="next-step" help="Or drag from the node’s handle to a step">
          <Select
            id="next-step"
            value={node.data.step.nextStepId ?? ''}
            onChange={(e) =>
              panel.update((d) => {
                const { nextStepId: _n, ...step } = d.step;
                return { ...d, step: e.target.value ? { ...step, nextStepId: e.target.value } : step };
              })
            }
          >
            <option value="">{hasBranches ? '(end the workflow)' : 'End the workflow here'}</option>
            {node.data.step.nextStepId && !stepIds.includes(node.data.step.nextStepId) ? (
              <option value={node.data.step.nextStepId}>{node.data.step.nextStepId} (missing)</option>
            ) : null}
            {stepIds
              .filter((s) => s !== node.id)
              .map((s) => (
                <option key={s}>{s}</option>
              ))}
          </Select>
        </Field>
      ) : null}
      {type !== 'Branch' && type !== 'JumpTo' && type !== 'If' ? (
        <KeyValueEditor
          id="outputs"
          label="Outputs (saved to data)"
          keyPlaceholder="key"
          valuePlaceholder="{{step.status}}"
          value={node.data.step.outputs}
          onChange={(v) =>
            panel.update((d) => {
              const { outputs: _o, ...step } = d.step;
              return { ...d, step: v ? { ...step, outputs: v } : step };
            }, `${node.id}:outputs`)
          }
          help={hint ? `Available: ${hint}. Read later as {{data.key}}.` : undefined}
        />
      ) : null}
    </div>
  );
});
