'use client';

import { formatDuration, parseDurationParts, type DurationParts } from '@/lib/automation/graph/duration';
import { Input } from '@/components/ui/input';

const UNITS: Array<[keyof DurationParts, string, number]> = [
  ['days', 'Days', 365],
  ['hours', 'Hours', 23],
  ['minutes', 'Min', 59],
  ['seconds', 'Sec', 59],
];

/** Days / hours / minutes / seconds, stored as the reference's "d.HH:mm:ss". */
export function DurationField({
  id,
  label,
  value,
  onChange,
  help,
  optional,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  help?: string;
  optional?: boolean;
}) {
  const parts = parseDurationParts(value ?? '') ?? { days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 };
  const invalid = value != null && value !== '' && !parseDurationParts(value);
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium">{label}</legend>
      <div className="grid grid-cols-4 gap-1.5">
        {UNITS.map(([key, unit, max]) => (
          <label key={key} className="text-[10px] text-muted-foreground">
            <Input
              id={`${id}-${key}`}
              aria-label={`${label} ${unit}`}
              type="number"
              min={0}
              max={max}
              value={value == null || value === '' ? '' : parts[key]}
              placeholder="0"
              onChange={(e) => {
                const n = Math.max(0, Math.min(max, Number(e.target.value) || 0));
                onChange(formatDuration({ ...parts, [key]: n }));
              }}
              className="h-8 px-2 text-xs"
            />
            {unit}
          </label>
        ))}
      </div>
      <div className="flex items-center gap-2 text-xs text-muted-foreground">
        <code data-testid={`${id}-value`}>{value || (optional ? 'default (1 day)' : '—')}</code>
        {optional && value ? (
          <button type="button" className="text-primary underline-offset-2 hover:underline" onClick={() => onChange(undefined)}>
            use default
          </button>
        ) : null}
      </div>
      {invalid ? (
        <p className="text-xs font-medium text-destructive">Use d.HH:mm:ss, HH:mm:ss or a number of days</p>
      ) : help ? (
        <p className="text-xs text-muted-foreground">{help}</p>
      ) : null}
    </fieldset>
  );
}
