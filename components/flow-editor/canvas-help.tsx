'use client';

import { memo, useState } from 'react';
import { SHORTCUTS } from './use-editor-shortcuts';

/** The shortcuts list, the selection count, and what to do on an empty canvas. */
export const CanvasHelp = memo(function CanvasHelp({ empty, selectedCount }: { empty: boolean; selectedCount: number }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="ml-auto flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border bg-card px-2 py-1 text-xs shadow-sm hover:bg-muted"
        aria-expanded={open}
      >
        {selectedCount > 1 ? `${selectedCount} selected · ` : ''}Shortcuts
      </button>
      {open ? (
        <dl className="grid w-64 grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md border bg-card p-3 text-xs shadow-lg">
          {SHORTCUTS.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-mono">{k}</dt>
              <dd className="text-muted-foreground">{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {empty ? (
        <p className="mt-24 w-64 rounded-md border bg-card/90 p-3 text-xs text-muted-foreground shadow-sm">
          Drag a step from the left onto the canvas (or click it). Connect steps by dragging from a handle on a step’s right to another step.
        </p>
      ) : null}
    </div>
  );
});
