'use client';

import { Field } from '@/components/ui/field';
import { ConditionBuilder } from '../fields/condition-builder';
import { useInputs, type PanelProps } from './panel-kit';

export function IfPanel(props: PanelProps) {
  const { str, set } = useInputs(props);
  return (
    <>
      <Field label="Condition" htmlFor={`${props.node.id}-condition`} help="When true, the steps in the dashed box run in order; then the workflow continues at “after”">
        <ConditionBuilder id={`${props.node.id}-condition`} value={str('condition')} onChange={(v) => set(['condition'], v)} trigger={props.trigger} />
      </Field>
    </>
  );
}
