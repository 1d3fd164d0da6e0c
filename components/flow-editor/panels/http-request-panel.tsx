'use client';

import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { JsonField } from '../fields/json-field';
import { KeyValueEditor } from '../fields/key-value-editor';
import { ScriptInput } from '../fields/script-input';
import { useInputs, type PanelProps } from './panel-kit';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export function HttpRequestPanel(props: PanelProps) {
  const { str, get, set } = useInputs(props);
  const id = props.node.id;
  const method = str('method').toUpperCase() || 'GET';
  const timeout = get('timeoutSeconds');
  return (
    <>
      <div className="grid grid-cols-[6rem_1fr] gap-2">
        <Field label="Method" htmlFor={`${id}-method`}>
          <Select id={`${id}-method`} value={method} onChange={(e) => set(['method'], e.target.value)}>
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </Select>
        </Field>
        <Field label="URL" htmlFor={`${id}-url`}>
          <ScriptInput id={`${id}-url`} label="URL" value={str('url')} onChange={(v) => set(['url'], v)} placeholder="https://api.example.com/records" />
        </Field>
      </div>
      <KeyValueEditor
        id={`${id}-headers`}
        label="Headers"
        value={get('headers') as Record<string, unknown>}
        onChange={(v) => set(['headers'], v)}
        keyPlaceholder="header"
      />
      <KeyValueEditor
        id={`${id}-parameters`}
        label="Query"
        value={get('parameters') as Record<string, unknown>}
        onChange={(v) => set(['parameters'], v)}
        keyPlaceholder="param"
      />
      {method !== 'GET' && method !== 'HEAD' ? (
        <JsonField
          id={`${id}-body`}
          label="Request body (JSON)"
          value={get('body')}
          onChange={(v) => set(['body'], v)}
          help='Scripts work in any string: "{{data.payload.source}}"'
        />
      ) : null}
      <Field label="Timeout (seconds)" htmlFor={`${id}-timeout`} help="Default 30">
        <Input
          id={`${id}-timeout`}
          type="number"
          min={1}
          max={300}
          value={timeout == null ? '' : String(timeout)}
          onChange={(e) => set(['timeoutSeconds'], e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </Field>
    </>
  );
}
