'use client';
import * as React from 'react';
import { Popover } from 'radix-ui';
import { ChevronDown, ChevronRight, LayoutGrid } from 'lucide-react';
import { ALL_PERMISSIONS, PERMISSION_MODULES, type Permission } from '@/lib/auth/permissions';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/lib/utils';

/**
 * The Modules checklist of the role editor: a popover listing every module from permissions.ts; each
 * expands to its granular permissions, has a select-all box and shows how many are selected. Changes
 * are a draft until Apply. Permissions outside `grantable` (ones the admin does not hold) are shown
 * disabled: the server refuses them anyway.
 */
export function ModulesChecklist({
  value,
  onApply,
  invalid,
  grantable,
}: {
  value: Permission[];
  onApply: (next: Permission[]) => void;
  invalid?: boolean;
  grantable?: ReadonlySet<Permission>;
}) {
  const may = (k: Permission) => !grantable || grantable.has(k);
  const [open, setOpen] = React.useState(false);
  const [draft, setDraft] = React.useState<Set<Permission>>(new Set(value));
  const [expanded, setExpanded] = React.useState<Set<string>>(new Set());

  function onOpenChange(next: boolean) {
    if (next) {
      setDraft(new Set(value));
      // Open the modules that already hold something, so the current choice is visible at once.
      setExpanded(new Set(PERMISSION_MODULES.filter((m) => m.permissions.some((p) => value.includes(p.key))).map((m) => m.id)));
    }
    setOpen(next);
  }

  function toggle(keys: Permission[], on: boolean) {
    setDraft((d) => {
      const n = new Set(d);
      for (const k of keys)
        if (on) n.add(k);
        else n.delete(k);
      return n;
    });
  }

  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger asChild>
        <button
          type="button"
          aria-invalid={invalid || undefined}
          className="flex h-9 w-full items-center justify-between gap-2 rounded-[var(--radius)] border border-input bg-card px-3 text-left text-sm shadow-xs hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring aria-[invalid=true]:border-destructive"
        >
          <span className="flex items-center gap-2">
            <LayoutGrid className="size-4 text-muted-foreground" />
            Modules
          </span>
          <span className="text-xs text-muted-foreground">
            {value.length} of {ALL_PERMISSIONS.length} permissions
          </span>
        </button>
      </Popover.Trigger>
      {/* Not portalled: inside the dialog's focus scope, so the checkboxes keep focus. */}
      <Popover.Content
        align="start"
        sideOffset={6}
        collisionPadding={12}
        aria-label="Modules and permissions"
        className="z-[60] flex max-h-[min(28rem,var(--radix-popover-content-available-height))] w-[min(24rem,calc(100vw-2rem))] flex-col rounded-[var(--radius)] border bg-card shadow-xl"
      >
        <div className="flex items-center justify-between border-b px-3 py-2">
          <p className="text-sm font-medium">Modules</p>
          <p className="text-xs text-muted-foreground" aria-live="polite">
            {draft.size} selected
          </p>
        </div>
        <ul className="min-h-0 flex-1 overflow-y-auto py-1">
          {PERMISSION_MODULES.map((m) => {
            const all = m.permissions.map((p) => p.key) as Permission[];
            // Select-all covers what may be chosen; a module with nothing choosable is shown disabled.
            const keys = all.filter(may);
            const count = keys.filter((k) => draft.has(k)).length;
            const isOpen = expanded.has(m.id);
            return (
              <li key={m.id} className="px-1">
                <div className="flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-muted/60">
                  <button
                    type="button"
                    aria-expanded={isOpen}
                    aria-label={`${isOpen ? 'Collapse' : 'Expand'} ${m.label}`}
                    className="rounded p-0.5 text-muted-foreground hover:bg-muted"
                    onClick={() =>
                      setExpanded((e) => {
                        const n = new Set(e);
                        if (n.has(m.id)) n.delete(m.id);
                        else n.add(m.id);
                        return n;
                      })
                    }
                  >
                    {isOpen ? <ChevronDown className="size-4" /> : <ChevronRight className="size-4" />}
                  </button>
                  <label className="flex flex-1 cursor-pointer items-center gap-2 text-sm font-medium">
                    <Checkbox
                      aria-label={`All of ${m.label}`}
                      checked={keys.length > 0 && count === keys.length}
                      disabled={!keys.length}
                      indeterminate={count > 0 && count < keys.length}
                      onChange={(e) => toggle(keys, e.target.checked)}
                    />
                    {m.label}
                  </label>
                  <span className={cn('text-xs tabular-nums', count ? 'text-primary' : 'text-muted-foreground')}>
                    {all.filter((k) => draft.has(k)).length}/{all.length}
                  </span>
                </div>
                {isOpen ? (
                  <ul className="mb-1 ml-9 space-y-0.5 border-l pl-3">
                    {m.permissions.map((p) => (
                      <li key={p.key}>
                        <label
                          className={cn(
                            'flex items-center gap-2 rounded px-1 py-1 text-sm',
                            may(p.key) ? 'cursor-pointer hover:bg-muted/60' : 'text-muted-foreground',
                          )}
                          title={may(p.key) ? undefined : 'You do not hold this permission, so you cannot grant it'}
                        >
                          <Checkbox checked={draft.has(p.key)} disabled={!may(p.key)} onChange={(e) => toggle([p.key], e.target.checked)} />
                          <span>{p.label}</span>
                          <span className="ml-auto font-mono text-[11px] text-muted-foreground">{may(p.key) ? p.key : 'not yours to grant'}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
        <div className="flex items-center justify-between gap-2 border-t px-3 py-2">
          <Button type="button" variant="ghost" size="sm" onClick={() => setDraft(new Set())}>
            Clear
          </Button>
          <div className="flex gap-2">
            <Button type="button" variant="outline" size="sm" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              type="button"
              size="sm"
              onClick={() => {
                // Keep the table's order so the saved list reads like the checklist.
                onApply(ALL_PERMISSIONS.filter((k) => draft.has(k)));
                setOpen(false);
              }}
            >
              Apply
            </Button>
          </div>
        </div>
      </Popover.Content>
    </Popover.Root>
  );
}
