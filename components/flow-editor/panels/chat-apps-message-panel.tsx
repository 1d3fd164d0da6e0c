'use client';

import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { JsonField } from '../fields/json-field';
import { ScriptInput } from '../fields/script-input';
import { SubAccountSelect } from '../fields/subaccount-select';
import { TemplatePicker } from '../fields/template-picker';
import { getIn, useInputs, type PanelProps } from './panel-kit';

const KINDS = [
  { value: 'text', label: 'Text' },
  { value: 'template', label: 'Template' },
  { value: 'buttons', label: 'Interactive buttons' },
  { value: 'list', label: 'Interactive list' },
  { value: 'image', label: 'Image' },
  { value: 'video', label: 'Video' },
  { value: 'audio', label: 'Audio' },
  { value: 'file', label: 'File' },
];

function kindOf(type: string, content: Record<string, unknown>): string {
  if (type === 'template' || content.template) return 'template';
  if (type === 'interactive') return getIn(content, ['interactive', 'type']) === 'list' ? 'list' : 'buttons';
  return KINDS.some((k) => k.value === type) ? type : 'text';
}

const STARTERS: Record<string, { type: string; content: Record<string, unknown> }> = {
  text: { type: 'text', content: { text: '' } },
  template: { type: 'template', content: { template: { name: '', language: 'en', components: [] } } },
  buttons: {
    type: 'interactive',
    content: {
      interactive: {
        type: 'button',
        body: { text: '' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: '1', title: 'Yes' } },
            { type: 'reply', reply: { id: '2', title: 'No' } },
          ],
        },
      },
    },
  },
  list: {
    type: 'interactive',
    content: {
      interactive: {
        type: 'list',
        body: { text: '' },
        action: { button: 'Options', sections: [{ title: 'Options', rows: [{ id: '1', title: 'First option' }] }] },
      },
    },
  },
};

/** ChatApps message: recipient, then a composer for text, a template, buttons, a list or media. */
export function ChatAppsMessagePanel(props: PanelProps) {
  const { str, get, set, step } = useInputs(props);
  const id = props.node.id;
  const content = (get('content') as Record<string, unknown>) ?? {};
  const kind = kindOf(str('type'), content);
  const buttons = (getIn(content, ['interactive', 'action', 'buttons']) as Array<{ reply?: { id?: string; title?: string } }>) ?? [];
  const setKind = (k: string) => {
    const starter = STARTERS[k] ?? { type: k, content: { url: '', text: '' } };
    props.update((d) => ({ ...d, step: { ...d.step, inputs: { ...(d.step.inputs ?? {}), type: starter.type, content: starter.content } } }));
  };
  return (
    <>
      <SubAccountSelect
        id={`${id}-subaccount`}
        value={str('subAccountId')}
        onChange={(v) => set(['subAccountId'], v)}
        help="The subaccount whose chat apps channel sends it"
      />
      <Field label="Destination" htmlFor={`${id}-msisdn`} help="{{data.payload.user.msisdn}} replies to the customer who wrote in">
        <ScriptInput
          id={`${id}-msisdn`}
          label="Destination"
          value={str('user', 'msisdn')}
          onChange={(v) => set(['user', 'msisdn'], v)}
          placeholder="{{data.payload.user.msisdn}}"
        />
      </Field>
      <Field label="Message" htmlFor={`${id}-kind`} help="Select an existing template or compose a new message">
        <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
      </Field>
      {kind === 'text' ? (
        <Field label="Text" htmlFor={`${id}-text`}>
          <ScriptInput
            id={`${id}-text`}
            label="Text"
            multiline
            value={str('content', 'text')}
            onChange={(v) => set(['content', 'text'], v)}
            placeholder="Hello, thank you for your message!"
          />
        </Field>
      ) : null}
      {kind === 'template' ? (
        <TemplatePicker
          id={id}
          subAccountId={str('subAccountId')}
          value={getIn(content, ['template']) as Record<string, unknown>}
          onChange={(t) => set(['content', 'template'], t)}
        />
      ) : null}
      {kind === 'buttons' ? (
        <>
          <Field label="Body" htmlFor={`${id}-body`}>
            <ScriptInput
              id={`${id}-body`}
              label="Body"
              multiline
              value={str('content', 'interactive', 'body', 'text')}
              onChange={(v) => set(['content', 'interactive', 'body', 'text'], v)}
            />
          </Field>
          <fieldset className="space-y-1.5">
            <legend className="text-sm font-medium">Reply buttons (up to 3)</legend>
            {[0, 1, 2].map((i) => (
              <Input
                key={i}
                aria-label={`Button ${i + 1}`}
                placeholder={`Button ${i + 1}`}
                maxLength={20}
                value={buttons[i]?.reply?.title ?? ''}
                onChange={(e) => {
                  const next = [0, 1, 2]
                    .map((j) => (j === i ? e.target.value : (buttons[j]?.reply?.title ?? '')))
                    .map((title, j) => ({ type: 'reply', reply: { id: buttons[j]?.reply?.id ?? String(j + 1), title } }))
                    .filter((b) => b.reply.title);
                  set(['content', 'interactive', 'action', 'buttons'], next);
                }}
              />
            ))}
          </fieldset>
        </>
      ) : null}
      {kind === 'list' ? (
        <JsonField
          id={`${id}-interactive`}
          label="List (interactive JSON)"
          rows={10}
          value={getIn(content, ['interactive'])}
          onChange={(v) => set(['content', 'interactive'], v)}
        />
      ) : null}
      {['image', 'video', 'audio', 'file'].includes(kind) ? (
        <>
          <Field label="Media URL" htmlFor={`${id}-url`}>
            <ScriptInput
              id={`${id}-url`}
              label="Media URL"
              value={str('content', 'url')}
              onChange={(v) => set(['content', 'url'], v)}
              placeholder="https://example.com/picture.jpg"
            />
          </Field>
          {kind !== 'audio' ? (
            <Field label="Caption" htmlFor={`${id}-caption`}>
              <ScriptInput id={`${id}-caption`} label="Caption" value={str('content', 'text')} onChange={(v) => set(['content', 'text'], v || undefined)} />
            </Field>
          ) : null}
        </>
      ) : null}
      <details className="rounded-md border p-2 text-sm">
        <summary className="cursor-pointer text-xs font-medium">SMS fallback</summary>
        <div className="mt-2 space-y-2">
          <Field label="Fallback sender" htmlFor={`${id}-sms-source`}>
            <Input
              id={`${id}-sms-source`}
              value={str('content', 'sms', 'source')}
              onChange={(e) => set(['content', 'sms', 'source'], e.target.value || undefined)}
              placeholder="SENDERID"
            />
          </Field>
          <Field label="Fallback encoding" htmlFor={`${id}-sms-encoding`}>
            <Select
              id={`${id}-sms-encoding`}
              value={str('content', 'sms', 'encoding')}
              onChange={(e) => set(['content', 'sms', 'encoding'], e.target.value || undefined)}
            >
              <option value="">None</option>
              <option value="AUTO">AUTO</option>
              <option value="GSM7">GSM7</option>
              <option value="UCS2">UCS2</option>
            </Select>
          </Field>
        </div>
      </details>
      {step.inputs && typeof step.inputs.channels !== 'undefined' ? (
        <p className="text-xs text-muted-foreground">Channels: {JSON.stringify(step.inputs.channels)}</p>
      ) : null}
    </>
  );
}
