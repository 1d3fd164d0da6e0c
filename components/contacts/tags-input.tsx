'use client';
import * as React from 'react';
import { X } from 'lucide-react';
import { cn } from '@/lib/utils';

/**
 * Tags as chips: type and press Enter or a comma to add one, Backspace in the empty field removes the
 * last, the account's existing tags are suggested. A tag still being typed is added when the field is left.
 */
export function TagsInput({
  id,
  value,
  onChange,
  suggestions = [],
  invalid,
  onBlur,
}: {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions?: string[];
  invalid?: boolean;
  onBlur?: (tags: string[]) => void;
}) {
  const [draft, setDraft] = React.useState('');
  const listId = `${id}-suggestions`;

  function add(raw: string): string[] {
    const parts = raw
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    setDraft('');
    if (!parts.length) return value;
    const next = [...value, ...parts.filter((t) => !value.includes(t))];
    onChange(next);
    return next;
  }

  return (
    <div
      className={cn(
        'flex min-h-9 w-full flex-wrap items-center gap-1.5 rounded-[var(--radius)] border border-input bg-card px-2 py-1.5 shadow-xs focus-within:outline-2 focus-within:outline-ring',
        invalid && 'border-destructive',
      )}
    >
      {value.map((tag) => (
        <span
          key={tag}
          className="inline-flex max-w-full items-center gap-1 rounded-full bg-accent px-2 py-0.5 text-xs font-medium text-accent-foreground"
          data-testid="tag-chip"
        >
          <span className="truncate">{tag}</span>
          <button
            type="button"
            className="rounded-full p-0.5 hover:bg-primary/15"
            aria-label={`Remove tag ${tag}`}
            onClick={() => onChange(value.filter((t) => t !== tag))}
          >
            <X className="size-3" />
          </button>
        </span>
      ))}
      <input
        id={id}
        list={listId}
        value={draft}
        aria-invalid={invalid || undefined}
        placeholder={value.length ? '' : 'Type a tag and press Enter'}
        className="min-w-[8rem] flex-1 bg-transparent py-0.5 text-sm outline-none placeholder:text-muted-foreground"
        onChange={(e) => (e.target.value.includes(',') ? add(e.target.value) : setDraft(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && !draft && value.length) onChange(value.slice(0, -1));
        }}
        onBlur={() => onBlur?.(add(draft))}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !value.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
