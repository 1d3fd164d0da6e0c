'use client';
import * as React from 'react';
import { Braces } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/input';
import { FieldError, useDesignerErrors } from '@/components/template-designer/designer-errors';
import { insertVariable, syncExamples } from '@/components/template-designer/draft-model';

/**
 * A text with {{n}} variables: "Add variable" inserts the next one at the cursor, and one sample
 * field per variable appears below (WhatsApp reviews templates with these samples).
 */
export function VariableTextField({
  id,
  label,
  path,
  text,
  examples,
  max,
  multiline = true,
  allowVariables = true,
  help,
  onChange,
}: {
  id: string;
  label: string;
  path: string;
  text: string;
  examples: string[] | undefined;
  max: number;
  multiline?: boolean;
  allowVariables?: boolean;
  help?: string;
  onChange: (text: string, examples: string[] | undefined) => void;
}) {
  const { err, touch } = useDesignerErrors();
  const ref = React.useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const textError = err(`${path}.text`);
  const change = (next: string) => {
    touch(path);
    onChange(next, allowVariables ? syncExamples(next, examples) : examples);
  };
  const addVariable = () => {
    const el = ref.current;
    const at = el?.selectionStart ?? text.length;
    const r = insertVariable(text, at);
    change(r.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(r.cursor, r.cursor);
    });
  };
  const common = {
    id,
    ref,
    value: text,
    'aria-invalid': !!textError,
    'aria-describedby': textError ? `${id}-error` : undefined,
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => change(e.target.value),
  };
  return (
    <div className="space-y-1.5">
      <div className="flex items-end justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <span className={`text-xs tabular-nums ${text.length > max ? 'text-destructive' : 'text-muted-foreground'}`}>
          {text.length}/{max}
        </span>
      </div>
      {multiline ? <Textarea {...common} rows={5} /> : <Input {...common} />}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">{help}</p>
        {allowVariables && (
          <Button type="button" variant="outline" size="sm" onClick={addVariable} data-testid={`${id}-add-variable`}>
            <Braces /> Add variable
          </Button>
        )}
      </div>
      <FieldError path={`${path}.text`} id={`${id}-error`} />
      {examples && examples.length > 0 && (
        <div className="space-y-2 rounded-md border border-dashed p-3">
          <p className="text-xs font-medium text-muted-foreground">Sample values for review</p>
          {examples.map((ex, k) => (
            <div key={k} className="flex items-center gap-2">
              <label htmlFor={`${id}-example-${k + 1}`} className="w-12 shrink-0 font-mono text-xs text-muted-foreground">
                {`{{${k + 1}}}`}
              </label>
              <Input
                id={`${id}-example-${k + 1}`}
                value={ex}
                placeholder={`Sample for {{${k + 1}}}`}
                aria-invalid={!!err(`${path}.examples.${k}`)}
                onChange={(e) => {
                  touch(`${path}.examples`);
                  const next = [...examples];
                  next[k] = e.target.value;
                  onChange(text, next);
                }}
              />
            </div>
          ))}
          <FieldError path={`${path}.examples`} />
          {examples.map((_, k) => (
            <FieldError key={k} path={`${path}.examples.${k}`} />
          ))}
        </div>
      )}
    </div>
  );
}
