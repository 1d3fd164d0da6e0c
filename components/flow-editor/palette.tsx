'use client';

import { memo, useMemo, useState, type DragEvent } from 'react';
import { Search } from 'lucide-react';
import { STEP_INFO, type CatalogStepType } from '@/lib/automation/graph/step-catalog';
import { cn } from '@/lib/utils';
import { STEP_ACCENT, STEP_ICONS } from './step-icons';

export const DRAG_MIME = 'application/x-parley-step';

// In STEP_ICONS' order, which lists every step type (it is exhaustive) with each category's most used first.
const PALETTE_ORDER = (Object.keys(STEP_ICONS) as Array<keyof typeof STEP_ICONS>).filter((t): t is CatalogStepType => t !== 'Unknown');

/** The step palette: search, then drag a step onto the canvas (or press Enter / click to add it). */
export const Palette = memo(function Palette({ onAdd, disabled }: { onAdd: (type: CatalogStepType) => void; disabled?: boolean }) {
  const [query, setQuery] = useState('');
  const items = useMemo(() => {
    const q = query.trim().toLowerCase();
    return PALETTE_ORDER.map((t) => STEP_INFO[t]).filter((i) => !q || `${i.label} ${i.type} ${i.description} ${i.category}`.toLowerCase().includes(q));
  }, [query]);
  const groups = ['Messages', 'Flow', 'Integrations', 'Voice'] as const;
  return (
    <aside className="flex w-48 shrink-0 flex-col border-r bg-card" aria-label="Steps">
      <div className="border-b p-2">
        <label className="relative block">
          <span className="sr-only">Search steps</span>
          <Search className="pointer-events-none absolute left-2 top-2.5 size-3.5 text-muted-foreground" aria-hidden />
          <input
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && items[0] && !disabled) onAdd(items[0].type);
            }}
            placeholder="Search steps"
            className="h-8 w-full rounded-md border border-input bg-background pl-7 pr-2 text-xs focus-visible:outline-2 focus-visible:outline-ring"
          />
        </label>
      </div>
      <div className="flex-1 space-y-3 overflow-y-auto p-2">
        {groups.map((g) => {
          const list = items.filter((i) => i.category === g);
          if (!list.length) return null;
          return (
            <div key={g}>
              <div className="px-1 pb-1 text-[10px] font-semibold uppercase tracking-wide text-muted-foreground">{g}</div>
              <ul className="space-y-1">
                {list.map((i) => {
                  const Icon = STEP_ICONS[i.type];
                  return (
                    <li key={i.type}>
                      <button
                        type="button"
                        draggable={!disabled}
                        disabled={disabled}
                        data-testid={`palette-${i.type}`}
                        onDragStart={(e) => {
                          e.dataTransfer.setData(DRAG_MIME, i.type);
                          e.dataTransfer.effectAllowed = 'move';
                        }}
                        onClick={() => onAdd(i.type)}
                        title={`${i.description}. Drag onto the canvas, or click to add.`}
                        className="flex w-full cursor-grab items-center gap-2 rounded-md border border-transparent px-1.5 py-1.5 text-left text-xs hover:border-border hover:bg-muted active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-50"
                      >
                        <span className={cn('flex size-6 shrink-0 items-center justify-center rounded', STEP_ACCENT[i.type])}>
                          <Icon className="size-3.5" aria-hidden />
                        </span>
                        <span className="min-w-0">
                          <span className="block font-medium">{i.label}</span>
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
        {items.length === 0 ? <p className="px-1 text-xs text-muted-foreground">No step matches “{query}”.</p> : null}
      </div>
    </aside>
  );
});

/** Props that make an element the drop target of the palette's drag: a step dropped lands where it falls. */
export function paletteDropTarget(add: (type: CatalogStepType, at: { x: number; y: number }) => void) {
  return {
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    },
    onDrop: (e: DragEvent) => {
      const type = e.dataTransfer.getData(DRAG_MIME);
      if (!type) return;
      e.preventDefault();
      add(type as CatalogStepType, { x: e.clientX, y: e.clientY });
    },
  };
}
