'use client';
import * as React from 'react';
import type { DesignerState } from '@/components/template-designer/draft-model';

const PREFIX = 'parley.template-draft.';

/**
 * Keeps the designer's draft in localStorage while it is edited (debounced), so a reload or a
 * closed tab does not lose work. `restore` returns a saved draft once, on mount.
 */
export function useDraftAutosave(key: string, state: DesignerState, enabled: boolean) {
  const [savedAt, setSavedAt] = React.useState<Date | null>(null);
  React.useEffect(() => {
    if (!enabled) return;
    const t = setTimeout(() => {
      try {
        localStorage.setItem(PREFIX + key, JSON.stringify({ state, savedAt: new Date().toISOString() }));
        setSavedAt(new Date());
      } catch {
        // Storage full or disabled: autosave is a convenience, the editor keeps working.
      }
    }, 400);
    return () => clearTimeout(t);
  }, [key, state, enabled]);
  return { savedAt };
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
