'use client';

import { useEffect, useState } from 'react';
import { Textarea } from '@/components/ui/input';
import { Field } from '@/components/ui/field';

/** Free JSON (an HTTP body, an interactive message): kept as text while it does not parse. */
export function JsonField({
  id,
  label,
  value,
  onChange,
  help,
  rows = 6,
}: {
  id: string;
  label: string;
  value: unknown;
  onChange: (v: unknown) => void;
  help?: string;
  rows?: number;
}) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Follow outside changes (undo, another node selected) unless the text already means the same.
    try {
      if (JSON.stringify(text.trim() ? JSON.parse(text) : undefined) === JSON.stringify(value)) return;
    } catch {
      /* the user is mid-edit; replace below */
    }
    setText(value === undefined ? '' : JSON.stringify(value, null, 2));
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <Field label={label} htmlFor={id} help={help} error={error}>
      <Textarea
        id={id}
        rows={rows}
        spellCheck={false}
        className="font-mono text-xs"
        value={text}
        aria-invalid={!!error}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) {
            setError(null);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(e.target.value));
            setError(null);
          } catch (err) {
            setError(`Not valid JSON: ${(err as Error).message}`);
          }
        }}
      />
    </Field>
  );
}
