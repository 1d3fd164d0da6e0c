'use client';

import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import type { PanelProps } from './panel-kit';

export function JumpToPanel({ node, update, stepIds }: PanelProps) {
  const target = node.data.step.nextStepId ?? '';
  return (
    <Field
      label="Select a step"
      htmlFor={`${node.id}-target`}
      help="The step to continue at"
      error={target && !stepIds.includes(target) ? `No step is called "${target}"` : null}
    >
      <Select
        id={`${node.id}-target`}
        value={target}
        onChange={(e) =>
          update((d) => {
            const { nextStepId: _n, ...step } = d.step;
            return { ...d, step: e.target.value ? { ...step, nextStepId: e.target.value } : step };
          })
        }
      >
        <option value="">Choose…</option>
        {stepIds
          .filter((s) => s !== node.id)
          .map((s) => (
            <option key={s}>{s}</option>
          ))}
      </Select>
    </Field>
  );
}
