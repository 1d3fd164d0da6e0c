'use client';

import { useMemo } from 'react';
import { renderTemplate } from '@/lib/templates/render-template';
import { templateParts } from '@/lib/templates/template-parts';
import { variableCount } from '@/lib/templates/template-variables';
import type { TemplateComponent, TemplateDraft } from '@/lib/templates/template-schema';
import { TemplateBubble } from '@/components/whatsapp-preview';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { useEditorEnv } from '../editor-context';
import { ScriptInput } from './script-input';

type SendTemplate = { name?: string; language?: string; components?: Array<{ type: string; parameters?: Array<{ type: string; text?: string }> }> };

/**
 * Picks an approved template of the tenant (on the step's subaccount first), shows the customer's
 * view with the live WhatsApp preview, and offers one field per body variable ({{1}}, {{2}}...).
 */
export function TemplatePicker({
  id,
  subAccountId,
  value,
  onChange,
}: {
  id: string;
  subAccountId: string;
  value: SendTemplate | undefined;
  onChange: (v: SendTemplate) => void;
}) {
  const { templates } = useEditorEnv();
  const options = useMemo(
    () => templates.filter((t) => t.status === 'APPROVED').sort((a, b) => Number(b.subAccountId === subAccountId) - Number(a.subAccountId === subAccountId)),
    [templates, subAccountId],
  );
  const current = options.find((t) => t.name === value?.name && t.language === value?.language);
  const components = (current?.components ?? []) as TemplateComponent[];
  const count = current ? variableCount(templateParts(components).body?.text) : 0;
  const body = value?.components?.find((c) => c.type.toLowerCase() === 'body');
  const params = body?.parameters ?? [];
  const setParam = (i: number, text: string) => {
    const list = Array.from({ length: Math.max(count, params.length) }, (_, j) => ({ type: 'text', text: j === i ? text : (params[j]?.text ?? '') }));
    const others = (value?.components ?? []).filter((c) => c.type.toLowerCase() !== 'body');
    onChange({ ...value, components: [...others, { type: 'body', parameters: list }] });
  };
  const rendered = useMemo(() => {
    if (!current) return null;
    try {
      return renderTemplate({ name: current.name, language: current.language, components } as unknown as TemplateDraft, value);
    } catch {
      return null;
    }
  }, [current, components, value]);
  return (
    <div className="space-y-3">
      <Field
        label="Template"
        htmlFor={`${id}-template`}
        help={options.length ? 'Approved WhatsApp templates of this account' : 'No approved templates yet: create one under Templates'}
      >
        <Select
          id={`${id}-template`}
          value={value?.name ? `${value.name}|${value.language ?? ''}` : ''}
          onChange={(e) => {
            const t = options.find((o) => `${o.name}|${o.language}` === e.target.value);
            if (!t) return;
            const n = variableCount(templateParts((t.components ?? []) as TemplateComponent[]).body?.text);
            onChange({
              name: t.name,
              language: t.language,
              components: n ? [{ type: 'body', parameters: Array.from({ length: n }, () => ({ type: 'text', text: '' })) }] : [],
            });
          }}
        >
          <option value="">Choose…</option>
          {value?.name && !current ? (
            <option value={`${value.name}|${value.language ?? ''}`}>{`${value.name} (${value.language ?? '?'}) — not approved here`}</option>
          ) : null}
          {options.map((t) => (
            <option key={t.id} value={`${t.name}|${t.language}`}>
              {t.name} ({t.language}){t.subAccountId && t.subAccountId !== subAccountId ? ` · ${t.subAccountId}` : ''}
            </option>
          ))}
        </Select>
      </Field>
      {rendered ? (
        <div className="rounded-lg bg-[#efeae2] p-3 text-[13px] dark:bg-[#0b141a]" data-testid="template-preview">
          <TemplateBubble rendered={rendered} />
        </div>
      ) : null}
      {Array.from({ length: Math.max(count, params.length) }, (_, i) => (
        <Field key={i} label={`Parameter {{${i + 1}}}`} htmlFor={`${id}-param-${i}`}>
          <ScriptInput
            id={`${id}-param-${i}`}
            label={`Parameter ${i + 1}`}
            value={params[i]?.text ?? ''}
            onChange={(v) => setParam(i, v)}
            placeholder="{{data.name}}"
          />
        </Field>
      ))}
    </div>
  );
}
