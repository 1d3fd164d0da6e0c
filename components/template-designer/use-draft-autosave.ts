'use client';
import * as React from 'react';
import type { DesignerState } from '@/components/template-designer/draft-model';

const PREFIX = 'parley.template-draft.';

/**
 * Keeps the designer's draft in localStorage while it is edited (debounced), so a reload or a
 * closed tab does not lose work. `restore` returns a saved draft once, on mount. `finish()` ends
 * autosaving for good and forgets the draft (a submitted template): a save still pending from the
 * last keystroke must not write it back for the next new template to "restore".
 */
export function useDraftAutosave(key: string, state: DesignerState, enabled: boolean) {
  const [savedAt, setSavedAt] = React.useState<Date | null>(null);
  const finished = React.useRef(false);
  // The edit not saved yet: the debounce would lose it to a reload or a closed tab within 400 ms of
  // the last keystroke, so leaving the page writes it at once.
  const pending = React.useRef<DesignerState | null>(null);
  const save = React.useCallback(() => {
    const draft = pending.current;
    pending.current = null;
    if (!draft || finished.current) return;
    try {
      localStorage.setItem(PREFIX + key, JSON.stringify({ state: draft, savedAt: new Date().toISOString() }));
      setSavedAt(new Date());
    } catch {
      // Storage full or disabled: autosave is a convenience, the editor keeps working.
    }
  }, [key]);
  React.useEffect(() => {
    if (!enabled || finished.current) return;
    pending.current = state;
    const t = setTimeout(save, 400);
    return () => clearTimeout(t);
  }, [state, enabled, save]);
  React.useEffect(() => {
    // Leaving: a reload or closed tab (pagehide), or another page of the console (unmount).
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [save]);
  const finish = React.useCallback(() => {
    finished.current = true;
    pending.current = null;
    clearSavedDraft(key);
  }, [key]);
  return { savedAt, finish };
}

export function readSavedDraft(key: string): DesignerState | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    const parsed = raw ? (JSON.parse(raw) as { state?: DesignerState }) : null;
    return parsed?.state && Array.isArray(parsed.state.components) ? parsed.state : null;
  } catch {
    return null;
  }
}

export function clearSavedDraft(key: string) {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // ignore
  }
}
