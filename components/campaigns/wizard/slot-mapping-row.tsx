'use client';
import { AlertCircle, CheckCircle2 } from 'lucide-react';
import { Input, Select } from '@/components/ui/input';
import type { SlotMapping } from '@/components/campaigns/wizard/mapping-model';
import type { TemplateSlot } from '@/lib/templates/template-slots';
import { cn } from '@/lib/utils';

const KIND_HINT: Record<TemplateSlot['kind'], string> = {
  text: 'Text',
  image: 'Image URL',
  video: 'Video URL',
  document: 'Document URL',
  location: 'lat,long',
  url: 'URL suffix',
  coupon: 'Code',
};

/** One template variable: filled from a column (with a fallback for empty cells) or with one value for everyone. */
export function SlotMappingRow({
  slot,
  mapping,
  columns,
  firstRow,
  problem,
  onChange,
}: {
  slot: TemplateSlot;
  mapping: SlotMapping;
  columns: string[];
  firstRow: string[] | undefined;
  problem: string | null;
  onChange: (m: SlotMapping) => void;
}) {
  const id = `slot-${slot.key.replace(/\./g, '-')}`;
  const cell = mapping.column ? firstRow?.[columns.indexOf(mapping.column)] : undefined;
  return (
    <fieldset
      className="space-y-2.5 border-t px-5 py-4 first:border-t-0"
      data-testid={`slot-${slot.key}`}
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <div className="flex flex-wrap items-center gap-2">
        <legend className="text-sm font-medium">{slot.label}</legend>
        <span className="rounded bg-muted px-1.5 py-0.5 font-mono text-[11px] text-muted-foreground">{slot.key}</span>
        <span className="text-xs text-muted-foreground">{KIND_HINT[slot.kind]}</span>
        <span className="ml-auto">
          {problem ? (
            <AlertCircle className="size-4 text-destructive" aria-label="Not mapped yet" />
          ) : (
            <CheckCircle2 className="size-4 text-green-600 dark:text-green-400" aria-label="Mapped" />
          )}
        </span>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div
          role="radiogroup"
          aria-label={`${slot.label}: source`}
          className="inline-flex w-fit shrink-0 rounded-[var(--radius)] border bg-muted p-0.5 text-xs"
        >
          {(['column', 'value'] as const).map((s) => (
            // biome-ignore lint/a11y/useSemanticElements: a segmented control (WAI-ARIA's radio pattern on buttons)
            <button
              key={s}
              type="button"
              role="radio"
              aria-checked={mapping.source === s}
              onClick={() => onChange({ ...mapping, source: s })}
              className={cn(
                'h-8 rounded-[calc(var(--radius)-2px)] px-2.5 font-medium transition-colors focus-visible:outline-2 focus-visible:outline-ring',
                mapping.source === s ? 'bg-card text-foreground shadow-xs dark:bg-input/60' : 'text-muted-foreground hover:text-foreground',
              )}
            >
              {s === 'column' ? 'Column' : 'Fixed value'}
            </button>
          ))}
        </div>
        {mapping.source === 'column' ? (
          <div className="grid min-w-0 flex-1 gap-2 sm:grid-cols-2">
            <Select
              id={`${id}-column`}
              aria-label={`${slot.label}: column`}
              value={mapping.column}
              onChange={(e) => onChange({ ...mapping, column: e.target.value })}
              aria-invalid={!!problem && !mapping.column}
            >
              <option value="">Choose a column…</option>
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
            <Input
              id={`${id}-fallback`}
              aria-label={`${slot.label}: fallback for empty cells`}
              placeholder={slot.kind === 'text' ? 'Fallback if empty, e.g. there' : 'Fallback if empty'}
              value={mapping.fallback}
              onChange={(e) => onChange({ ...mapping, fallback: e.target.value })}
            />
          </div>
        ) : (
          <Input
            id={`${id}-value`}
            aria-label={`${slot.label}: fixed value`}
            className="min-w-0 flex-1"
            placeholder={`e.g. ${slot.example}`}
            value={mapping.value}
            onChange={(e) => onChange({ ...mapping, value: e.target.value })}
            aria-invalid={!!problem}
          />
        )}
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="text-xs font-medium text-destructive" data-testid="slot-problem">
          {problem}
        </p>
      ) : mapping.source === 'column' ? (
        <p className="truncate text-xs text-muted-foreground">
          In the previewed row:{' '}
          {cell?.trim() ? (
            <span className="font-mono text-foreground">{cell}</span>
          ) : (
            <span className="italic">empty{mapping.fallback ? ` → “${mapping.fallback}”` : ' — the row will be invalid without a fallback'}</span>
          )}
        </p>
      ) : null}
    </fieldset>
  );
}
