'use client';
import * as React from 'react';
import { PERMISSION_MODULES, type Permission } from '@/lib/auth/permissions';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/lib/utils';

/**
 * The scopes of a new API key, grouped by module like the role editor. Permissions the creator does
 * not hold are shown but disabled: a key cannot do more than the person who makes it (the server
 * checks this again).
 */
export function ScopeChecklist({
  value,
  onChange,
  held,
  invalid,
}: {
  value: Permission[];
  onChange: (next: Permission[]) => void;
  held: ReadonlySet<Permission>;
  invalid?: boolean;
}) {
  const chosen = new Set(value);
  const set = (keys: Permission[], on: boolean) => {
    const next = new Set(chosen);
    for (const k of keys)
      if (on) next.add(k);
      else next.delete(k);
    onChange([...next]);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of module sections inside a scrolling box; a fieldset would bring its own border and legend layout to a box that is already labelled
    <div
      role="group"
      aria-label="Scopes"
      aria-invalid={invalid || undefined}
      className="max-h-72 overflow-y-auto rounded-[var(--radius)] border aria-[invalid=true]:border-destructive"
    >
      {PERMISSION_MODULES.map((m) => {
        const keys = m.permissions.map((p) => p.key) as Permission[];
        const grantable = keys.filter((k) => held.has(k));
        const count = grantable.filter((k) => chosen.has(k)).length;
        return (
          <fieldset key={m.id} className="border-b px-3 py-2 last:border-b-0" disabled={!grantable.length}>
            <legend className="sr-only">{m.label}</legend>
            <label className={cn('flex items-center gap-2 text-sm font-medium', grantable.length ? 'cursor-pointer' : 'text-muted-foreground')}>
              <Checkbox
                aria-label={`All of ${m.label}`}
                checked={grantable.length > 0 && count === grantable.length}
                indeterminate={count > 0 && count < grantable.length}
                onChange={(e) => set(grantable, e.target.checked)}
              />
              {m.label}
              {grantable.length ? null : <span className="ml-auto text-xs font-normal">You hold none of these</span>}
            </label>
            <ul className="ml-6 mt-1 grid gap-x-4 gap-y-0.5 sm:grid-cols-2">
              {m.permissions.map((p) => {
                const mine = held.has(p.key);
                return (
                  <li key={p.key}>
                    <label
                      className={cn('flex items-center gap-2 rounded px-1 py-0.5 text-sm', mine ? 'cursor-pointer hover:bg-muted/60' : 'text-muted-foreground')}
                      title={mine ? p.key : 'You do not hold this permission, so a key you make cannot have it'}
                    >
                      <Checkbox checked={mine && chosen.has(p.key)} disabled={!mine} onChange={(e) => set([p.key], e.target.checked)} />
                      <span>{p.label}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
