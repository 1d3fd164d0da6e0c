'use client';
import { Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { AttributeRow, FormErrors } from './contact-form';

let nextRowId = 1;
export const newAttributeRow = (key = '', value = ''): AttributeRow => ({ id: nextRowId++, key, value });

/** Name and value pairs, one per line; each pair's error shows under it. */
export function AttributesEditor({
  rows,
  onChange,
  errors,
  onBlur,
}: {
  rows: AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
  errors: FormErrors;
  onBlur: () => void;
}) {
  const set = (id: number, patch: Partial<AttributeRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1.5 text-sm font-medium">Attributes</legend>
      {rows.length === 0 ? <p className="text-xs text-muted-foreground">None yet. Attributes fill campaign variables, e.g. city or plan.</p> : null}
      {rows.map((r, i) => {
        const keyError = errors[`attr.${i}.key`];
        const valueError = errors[`attr.${i}.value`];
        return (
          <div key={r.id} className="space-y-1" data-testid="attribute-row">
            <div className="flex items-center gap-2">
              <Input
                aria-label={`Attribute ${i + 1} name`}
                placeholder="Name, e.g. city"
                value={r.key}
                onChange={(e) => set(r.id, { key: e.target.value })}
                onBlur={onBlur}
                aria-invalid={!!keyError}
                className="w-2/5 min-w-0"
              />
              <Input
                aria-label={`Attribute ${i + 1} value`}
                placeholder="Value"
                value={r.value}
                onChange={(e) => set(r.id, { value: e.target.value })}
                onBlur={onBlur}
                aria-invalid={!!valueError}
                className="min-w-0 flex-1"
              />
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="shrink-0"
                aria-label={`Remove attribute ${i + 1}`}
                onClick={() => onChange(rows.filter((x) => x.id !== r.id))}
              >
                <Trash2 />
              </Button>
            </div>
            {keyError || valueError ? (
              <p role="alert" className="text-xs font-medium text-destructive">
                {keyError ?? valueError}
              </p>
            ) : null}
          </div>
        );
      })}
      {errors.attributes ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {errors.attributes}
        </p>
      ) : null}
      <Button type="button" variant="outline" size="sm" onClick={() => onChange([...rows, newAttributeRow()])}>
        <Plus /> Add attribute
      </Button>
    </fieldset>
  );
}
