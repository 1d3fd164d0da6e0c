'use client';

import { memo } from 'react';
import { ClipboardPaste, Copy, CopyPlus, Grid3x3, LayoutDashboard, Maximize, Redo2, Trash2, Undo2 } from 'lucide-react';
import { cn } from '@/lib/utils';

/** The canvas toolbar: history, clipboard, layout and view (each also a shortcut; see SHORTCUTS). */
export const EditorToolbar = memo(function EditorToolbar(p: {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  hasSelection: boolean;
  canDelete: boolean;
  canPaste: boolean;
  onCopy: () => void;
  onPaste: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onLayout: () => void;
  onFit: () => void;
  snap: boolean;
  onSnap: () => void;
  readOnly: boolean;
}) {
  const btn = 'inline-flex h-8 items-center gap-1 rounded-md px-2 text-xs hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-40 disabled:hover:bg-transparent';
  const sep = <span className="mx-0.5 h-5 w-px bg-border" aria-hidden />;
  return (
    // Wraps on a canvas narrower than itself (a side column open on a 1024 px screen) rather than
    // being cut off at the canvas's edge.
    <div className="flex flex-wrap items-center gap-0.5 rounded-md border bg-card p-0.5 shadow-sm" role="toolbar" aria-label="Canvas">
      {!p.readOnly ? (
        <>
          <button type="button" className={btn} onClick={p.onUndo} disabled={!p.canUndo} title="Undo (Ctrl+Z)" aria-label="Undo">
            <Undo2 className="size-4" />
          </button>
          <button type="button" className={btn} onClick={p.onRedo} disabled={!p.canRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo">
            <Redo2 className="size-4" />
          </button>
          {sep}
          <button type="button" className={btn} onClick={p.onCopy} disabled={!p.hasSelection} title="Copy the selected steps (Ctrl+C)" aria-label="Copy">
            <Copy className="size-4" />
          </button>
          <button type="button" className={btn} onClick={p.onPaste} disabled={!p.canPaste} title="Paste (Ctrl+V)" aria-label="Paste">
            <ClipboardPaste className="size-4" />
          </button>
          <button type="button" className={btn} onClick={p.onDuplicate} disabled={!p.hasSelection} title="Duplicate (Ctrl+D)" aria-label="Duplicate">
            <CopyPlus className="size-4" />
          </button>
          <button type="button" className={btn} onClick={p.onDelete} disabled={!p.canDelete} title="Delete the selection (Delete)" aria-label="Delete selection">
            <Trash2 className="size-4" />
          </button>
          {sep}
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
});
