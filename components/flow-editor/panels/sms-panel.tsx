'use client';

import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { ScriptInput } from '../fields/script-input';
import { SubAccountSelect } from '../fields/subaccount-select';
import { useInputs, type PanelProps } from './panel-kit';

export function SmsPanel(props: PanelProps) {
  const { str, set } = useInputs(props);
  const id = props.node.id;
  return (
    <>
      <SubAccountSelect
        id={`${id}-subaccount`}
        value={str('subAccountId')}
        onChange={(v) => set(['subAccountId'], v)}
        help="The subaccount the SMS is sent from"
      />
      <Field label="Sender ID" htmlFor={`${id}-source`} help="The SMS sender id or virtual number the recipient sees">
        <Input id={`${id}-source`} value={str('source')} onChange={(e) => set(['source'], e.target.value || undefined)} placeholder="Acme Corp" />
      </Field>
      <Field label="Destination" htmlFor={`${id}-destination`} help="{{data.payload.source}} is the sender of an inbound SMS">
        <ScriptInput
          id={`${id}-destination`}
          label="Destination"
          value={str('destination')}
          onChange={(v) => set(['destination'], v)}
          placeholder="{{data.payload.source}}"
        />
      </Field>
      <Field label="Text" htmlFor={`${id}-text`}>
        <ScriptInput
          id={`${id}-text`}
          label="Text"
          multiline
          value={str('text')}
          onChange={(v) => set(['text'], v)}
          placeholder="Hello, thank you for your message!"
        />
      </Field>
      <Field label="Encoding" htmlFor={`${id}-encoding`}>
        <Select id={`${id}-encoding`} value={str('encoding')} onChange={(e) => set(['encoding'], e.target.value || undefined)}>
          <option value="">Default</option>
          <option value="Auto">Auto</option>
          <option value="GSM7">GSM7</option>
          <option value="UCS2">UCS2</option>
        </Select>
      </Field>
    </>
  );
}
