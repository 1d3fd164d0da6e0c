'use client';

import { Check, CircleAlert, Loader2 } from 'lucide-react';
import type { SaveState } from './use-autosave';

/** Where the edits are: saved into the draft (or, positions only, on the published version), saving, kept locally... */
export function SaveIndicator({ state, errors, published }: { state: SaveState; errors: number; published: number | null }) {
  const base = 'inline-flex items-center gap-1 text-xs';
  switch (state.kind) {
    case 'saved':
      return (
        <span className={`${base} text-muted-foreground`} data-testid="save-state">
          <Check className="size-3.5" /> {state.version === published ? `Saved · v${state.version} (published)` : `Saved · draft v${state.version}`}
        </span>
      );
    case 'saving':
      return (
        <span className={`${base} text-muted-foreground`} data-testid="save-state">
          <Loader2 className="size-3.5 animate-spin" /> Saving…
        </span>
      );
    case 'dirty':
      return (
        <span className={`${base} text-muted-foreground`} data-testid="save-state">
          Unsaved changes
        </span>
      );
    case 'invalid':
      return (
        <span className={`${base} text-[var(--warning)]`} data-testid="save-state" title="Kept in this browser until the problems are fixed">
          <CircleAlert className="size-3.5" /> Draft kept in this browser · fix {errors || state.count} problem{(errors || state.count) > 1 ? 's' : ''} to save
        </span>
      );
    case 'error':
      return (
        <span className={`${base} text-destructive`} data-testid="save-state">
          <CircleAlert className="size-3.5" /> Not saved: {state.message}
        </span>
      );
    case 'new':
      return (
        <span className={`${base} text-muted-foreground`} data-testid="save-state">
          New workflow: saved once it is valid
        </span>
      );
  }
}
