'use client';

import { Grid3x3, LayoutDashboard, Maximize, Redo2, Undo2 } from 'lucide-react';
import { cn } from '@/lib/utils';

export function EditorToolbar(p: {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onFit: () => void;
  snap: boolean;
  onSnap: () => void;
  readOnly: boolean;
}) {
  const btn = 'inline-flex h-8 items-center gap-1 rounded-md px-2 text-xs hover:bg-muted disabled:opacity-40 disabled:hover:bg-transparent';
  return (
    <div className="absolute left-2 top-2 z-10 flex items-center gap-0.5 rounded-md border bg-card p-0.5 shadow-sm" role="toolbar" aria-label="Canvas">
      {!p.readOnly ? (
        <>
          <button type="button" className={btn} onClick={p.onUndo} disabled={!p.canUndo} title="Undo (Ctrl+Z)" aria-label="Undo">
            <Undo2 className="size-4" />
          </button>
          <button type="button" className={btn} onClick={p.onRedo} disabled={!p.canRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo">
            <Redo2 className="size-4" />
          </button>
          <span className="mx-0.5 h-5 w-px bg-border" />
        </>
      ) : null}
      <button type="button" className={btn} onClick={p.onLayout} title="Auto-layout (Shift+L)">
        <LayoutDashboard className="size-4" /> Auto-layout
      </button>
      <button type="button" className={btn} onClick={p.onFit} title="Fit view (Shift+F)" aria-label="Fit view">
        <Maximize className="size-4" />
      </button>
      <button type="button" className={cn(btn, p.snap && 'bg-muted')} onClick={p.onSnap} aria-pressed={p.snap} title="Snap to grid">
        <Grid3x3 className="size-4" /> Snap
      </button>
    </div>
  );
}
