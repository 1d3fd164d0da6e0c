'use client';

import { Plus, X } from 'lucide-react';
import { Input } from '@/components/ui/input';
import { ScriptInput } from './script-input';

/** Headers, query parameters, outputs: an ordered list of name → value (values may hold scripts). */
export function KeyValueEditor({
  id,
  label,
  value,
  onChange,
  keyPlaceholder = 'name',
  valuePlaceholder = 'value or {{script}}',
  help,
}: {
  id: string;
  label: string;
  value: Record<string, unknown> | undefined;
  onChange: (v: Record<string, unknown> | undefined) => void;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  help?: string;
}) {
  const entries = Object.entries(value ?? {});
  const emit = (list: Array<[string, unknown]>) => onChange(list.length ? Object.fromEntries(list) : undefined);
  return (
    <fieldset className="space-y-1.5" data-testid={`kv-${id}`}>
      <legend className="text-sm font-medium">{label}</legend>
      {entries.map(([k, v], i) => (
        <div key={i} className="flex items-start gap-1.5">
          <Input
            aria-label={`${label} name ${i + 1}`}
            value={k}
            placeholder={keyPlaceholder}
            className="h-8 w-28 shrink-0 px-2 text-xs"
            onChange={(e) => emit(entries.map((en, j) => (j === i ? [e.target.value, en[1]] : en)))}
          />
          <ScriptInput
            id={`${id}-v${i}`}
            className="min-w-0 flex-1"
            label={`${label} value ${i + 1}`}
            value={typeof v === 'string' ? v : JSON.stringify(v)}
            placeholder={valuePlaceholder}
            onChange={(nv) => emit(entries.map((en, j) => (j === i ? [en[0], nv] : en)))}
          />
          <button
            type="button"
            aria-label={`Remove ${k || 'entry'}`}
            className="mt-1.5 text-muted-foreground hover:text-destructive"
            onClick={() => emit(entries.filter((_, j) => j !== i))}
          >
            <X className="size-4" />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="inline-flex items-center gap-1 text-xs text-primary hover:underline"
        onClick={() => emit([...entries, [`${keyPlaceholder}${entries.length + 1}`, '']])}
      >
        <Plus className="size-3.5" /> Add
      </button>
      {help ? <p className="text-xs text-muted-foreground">{help}</p> : null}
    </fieldset>
  );
}
