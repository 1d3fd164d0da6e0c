'use client';

import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { DurationField } from '../fields/duration-field';
import { ScriptInput } from '../fields/script-input';
import { useInputs, type PanelProps } from './panel-kit';

const CHANNELS = ['whatsapp', 'sms', 'viber', 'line', 'messenger', 'rcs', 'zalo', 'telegram'];

export function WaitForReplyPanel(props: PanelProps) {
  const { str, set } = useInputs(props);
  const id = props.node.id;
  const channel = str('channel');
  return (
    <>
      <Field label="From" htmlFor={`${id}-from`} help="The sender to wait for: data.payload.user.msisdn (SMS) or channelUserId (chat apps)">
        <ScriptInput id={`${id}-from`} label="From" value={str('from')} onChange={(v) => set(['from'], v)} placeholder="{{data.payload.user.msisdn}}" />
      </Field>
      <Field label="Channel" htmlFor={`${id}-channel`}>
        <Select id={`${id}-channel`} value={channel} onChange={(e) => set(['channel'], e.target.value || undefined)}>
          <option value="">Any</option>
          {channel && !CHANNELS.includes(channel) ? <option>{channel}</option> : null}
          {CHANNELS.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </Select>
      </Field>
      <DurationField
        id={`${id}-timeout`}
        label="Timeout"
        optional
        value={str('timeout') || undefined}
        onChange={(v) => set(['timeout'], v)}
        help="Without a reply by then, the workflow continues (step.reply is null)"
      />
    </>
  );
}
