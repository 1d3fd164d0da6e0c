'use client';

import { useEffect } from 'react';

export type ShortcutHandlers = {
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
  duplicate: () => void;
  remove: () => void;
  selectAll: () => void;
  layout: () => void;
  fit: () => void;
};

function editable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest?.('.cm-editor');
}

export const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl/⌘ Z', 'Undo'],
  ['Ctrl/⌘ Shift Z, Ctrl Y', 'Redo'],
  ['Ctrl/⌘ C / V', 'Copy / paste steps'],
  ['Ctrl/⌘ D', 'Duplicate'],
  ['Delete, Backspace', 'Delete selection'],
  ['Ctrl/⌘ A', 'Select all'],
  ['Shift L', 'Auto-layout'],
  ['Shift F', 'Fit view'],
  ['Shift-drag, Ctrl-click', 'Multi-select'],
];

/** Editor shortcuts, active while focus is on the canvas (never while typing in a field). */
export function useEditorShortcuts(root: React.RefObject<HTMLElement | null>, h: ShortcutHandlers, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (editable(e.target)) return;
      if (root.current && e.target instanceof Node && e.target !== document.body && !root.current.contains(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const run = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      if (mod && key === 'z' && !e.shiftKey) return run(h.undo);
      if ((mod && key === 'z' && e.shiftKey) || (mod && key === 'y')) return run(h.redo);
      if (mod && key === 'c') return run(h.copy);
      if (mod && key === 'v') return run(h.paste);
      if (mod && key === 'd') return run(h.duplicate);
      if (mod && key === 'a') return run(h.selectAll);
      if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) return run(h.remove);
      if (!mod && e.shiftKey && key === 'l') return run(h.layout);
      if (!mod && e.shiftKey && key === 'f') return run(h.fit);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [root, h, enabled]);
}
