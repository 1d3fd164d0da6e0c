'use client';

import { Field } from '@/components/ui/field';
import { ConditionBuilder } from '../fields/condition-builder';
import { useInputs, type PanelProps } from './panel-kit';

export function IfPanel(props: PanelProps) {
  const { str, set } = useInputs(props);
  return (
    <>
      <Field
        label="Condition"
        htmlFor={`${props.node.id}-condition`}
        help="When true, the steps in the dashed box run in order; then the workflow continues at “after”"
      >
        <ConditionBuilder id={`${props.node.id}-condition`} value={str('condition')} onChange={(v) => set(['condition'], v)} trigger={props.trigger} />
      </Field>
      <p className="text-xs text-muted-foreground">
        {props.node.data.doCount ?? 0} sequence{(props.node.data.doCount ?? 0) === 1 ? '' : 's'}: drop steps into a dashed box; inside it, steps link by “next”.
      </p>
      {props.onAddSequence ? (
        <button type="button" className="text-xs text-primary hover:underline" onClick={props.onAddSequence}>
          + Add a sequence
        </button>
      ) : null}
    </>
  );
}
