'use client';

import { memo } from 'react';
import { ClipboardPaste, Copy, CopyPlus, Grid3x3, LayoutDashboard, Maximize, Redo2, Trash2, Undo2, type LucideIcon } from 'lucide-react';
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
  const sep = <span className="mx-0.5 h-5 w-px bg-border" aria-hidden />;
  return (
    // Wraps on a canvas narrower than itself (a side column open on a 1024 px screen) rather than
    // being cut off at the canvas's edge.
    <div className="flex flex-wrap items-center gap-0.5 rounded-md border bg-card p-0.5 shadow-sm" role="toolbar" aria-label="Canvas">
      {!p.readOnly ? (
        <>
          <ToolButton icon={Undo2} label="Undo" title="Undo (Ctrl+Z)" onClick={p.onUndo} disabled={!p.canUndo} />
          <ToolButton icon={Redo2} label="Redo" title="Redo (Ctrl+Shift+Z)" onClick={p.onRedo} disabled={!p.canRedo} />
          {sep}
          <ToolButton icon={Copy} label="Copy" title="Copy the selected steps (Ctrl+C)" onClick={p.onCopy} disabled={!p.hasSelection} />
          <ToolButton icon={ClipboardPaste} label="Paste" title="Paste (Ctrl+V)" onClick={p.onPaste} disabled={!p.canPaste} />
          <ToolButton icon={CopyPlus} label="Duplicate" title="Duplicate (Ctrl+D)" onClick={p.onDuplicate} disabled={!p.hasSelection} />
          <ToolButton icon={Trash2} label="Delete selection" title="Delete the selection (Delete)" onClick={p.onDelete} disabled={!p.canDelete} />
          {sep}
        </>
      ) : null}
      <ToolButton icon={LayoutDashboard} text="Auto-layout" title="Auto-layout (Shift+L)" onClick={p.onLayout} />
      <ToolButton icon={Maximize} label="Fit view" title="Fit view (Shift+F)" onClick={p.onFit} />
      <ToolButton icon={Grid3x3} text="Snap" title="Snap to grid" onClick={p.onSnap} pressed={p.snap} />
    </div>
  );
});

const BUTTON =
  'inline-flex h-8 items-center gap-1 rounded-md px-2 text-xs hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-40 disabled:hover:bg-transparent';

/** An icon button; `label` names an icon-only one for screen readers, `text` is shown beside the icon. */
function ToolButton(b: { icon: LucideIcon; label?: string; text?: string; title: string; onClick: () => void; disabled?: boolean; pressed?: boolean }) {
  const Icon = b.icon;
  return (
    <button
      type="button"
      className={cn(BUTTON, b.pressed && 'bg-muted')}
      onClick={b.onClick}
      disabled={b.disabled}
      title={b.title}
      aria-label={b.label}
      aria-pressed={b.pressed}
    >
      <Icon className="size-4" />
      {b.text}
    </button>
  );
}
