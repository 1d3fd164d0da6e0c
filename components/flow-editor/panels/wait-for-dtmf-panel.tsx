'use client';

import { Field } from '@/components/ui/field';
import { DurationField } from '../fields/duration-field';
import { ScriptInput } from '../fields/script-input';
import { useInputs, type PanelProps } from './panel-kit';

export function WaitForDtmfPanel(props: PanelProps) {
  const { str, set } = useInputs(props);
  const id = props.node.id;
  return (
    <>
      <Field label="DTMF request id" htmlFor={`${id}-dtmf`} help="Correlates the key press with the voice call: use the call's clientRequestId">
        <ScriptInput
          id={`${id}-dtmf`}
          label="DTMF request id"
          value={str('dtmfRequestId')}
          onChange={(v) => set(['dtmfRequestId'], v)}
          placeholder="{{data.clientRequestId}}"
        />
      </Field>
      <DurationField id={`${id}-timeout`} label="Timeout" optional value={str('timeout') || undefined} onChange={(v) => set(['timeout'], v)} />
    </>
  );
}
