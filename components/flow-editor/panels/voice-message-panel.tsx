'use client';

import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { ScriptInput } from '../fields/script-input';
import { SubAccountSelect } from '../fields/subaccount-select';
import { useInputs, type PanelProps } from './panel-kit';

const ACTIONS = [
  { value: 'say', label: 'Text to Speech' },
  { value: 'say&capture', label: 'Message with DTMF' },
  { value: 'playFile', label: 'Play an Audio File' },
];
const PROFILES = ['en-US-ZiraRUS', 'en-US-AriaRUS', 'en-US-GuyRUS', 'en-GB-HazelRUS', 'en-SG-LunaNeural', 'id-ID-Andika', 'fil-PH-BlessicaNeural'];

export function VoiceMessagePanel(props: PanelProps) {
  const { str, get, set, step } = useInputs(props);
  const id = props.node.id;
  // The reference sample spells it "subaccountId"; keep whichever spelling the step uses.
  const subKey = step.inputs && 'subaccountId' in step.inputs && !('subAccountId' in step.inputs) ? 'subaccountId' : 'subAccountId';
  const action = str('action') || 'say';
  const p = (k: string) => {
    const v = get('params', k);
    return v == null ? '' : String(v);
  };
  const setP = (k: string, v: unknown) => set(['params', k], v === '' ? undefined : v);
  const num = (k: string, label: string, help?: string) => (
    <Field label={label} htmlFor={`${id}-${k}`} help={help}>
      <Input id={`${id}-${k}`} type="number" value={p(k)} onChange={(e) => setP(k, e.target.value === '' ? '' : Number(e.target.value))} />
    </Field>
  );
  const text = (k: string, label: string, placeholder?: string) => (
    <Field label={label} htmlFor={`${id}-${k}`}>
      <ScriptInput id={`${id}-${k}`} label={label} value={p(k)} onChange={(v) => setP(k, v)} placeholder={placeholder} />
    </Field>
  );
  return (
    <>
      <SubAccountSelect
        id={`${id}-subaccount`}
        label="Voice subaccount"
        value={str(subKey)}
        onChange={(v) => set([subKey], v)}
        help="A subaccount with an 8x8 phone number"
      />
      <Field label="Client request id" htmlFor={`${id}-crid`} help="Use {{uuid()}} and save it (outputs) to correlate a WaitForDTMF">
        <ScriptInput id={`${id}-crid`} label="Client request id" value={str('clientRequestId')} onChange={(v) => set(['clientRequestId'], v || undefined)} />
      </Field>
      <Field label="Action" htmlFor={`${id}-action`}>
        <Select id={`${id}-action`} value={action} onChange={(e) => set(['action'], e.target.value)}>
          {ACTIONS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </Field>
      {text('source', 'Source', '+6512345678')}
      {text('destination', 'Destination', '{{data.payload.user.msisdn}}')}
      {action === 'playFile' ? (
        text('fileUrl', 'Audio URL', 'https://filestorage.com/file1.mp3')
      ) : (
        <>
          {text(action === 'say&capture' ? 'promptMessage' : 'text', 'Message', 'Hello, this is ABC Restaurants')}
          <Field label="Language" htmlFor={`${id}-language`}>
            <Input id={`${id}-language`} value={p('language')} onChange={(e) => setP('language', e.target.value)} placeholder="en-US" />
          </Field>
          <Field label="Voice profile" htmlFor={`${id}-profile`}>
            <Select id={`${id}-profile`} value={p('voiceProfile')} onChange={(e) => setP('voiceProfile', e.target.value)}>
              <option value="">Default</option>
              {p('voiceProfile') && !PROFILES.includes(p('voiceProfile')) ? <option>{p('voiceProfile')}</option> : null}
              {PROFILES.map((v) => (
                <option key={v}>{v}</option>
              ))}
            </Select>
          </Field>
          {num('speed', 'Speed', '1 is normal, 2 is 200%')}
        </>
      )}
      {num('repetition', 'Repetition', 'How many times to play the message')}
      {action === 'say&capture' ? (
        <>
          {num('minDigits', 'Minimum digits')}
          {num('maxDigits', 'Maximum digits')}
          {num('digitTimeout', 'DTMF timeout (ms)')}
          {num('overallTimeout', 'Call timeout (ms)')}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={get('params', 'completeOnHash') === true} onChange={(e) => setP('completeOnHash', e.target.checked)} /> Complete on
            hash
          </label>
          {num('noOfTries', 'Number of tries')}
          {text('successMessage', 'End message', 'Thank you for your response')}
        </>
      ) : null}
    </>
  );
}
