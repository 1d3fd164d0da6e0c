'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkflowJson } from '@/lib/automation/graph/types';
import { createWorkflowAction, saveWorkflowAction } from '../actions';

export type SaveState = { kind: 'saved'; version: number; at: Date } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'invalid'; count: number } | { kind: 'error'; message: string } | { kind: 'new' };

const DELAY_MS = 1500;

/**
 * Draft autosave: every edit is kept in this browser at once (so nothing is lost, even while the
 * workflow is invalid); a valid workflow is also saved to the server as a new draft version a moment
 * after the last edit. The first save of a new workflow creates it and moves to its URL.
 */
export function useAutosave(opts: {
  workflowId: string | null;
  latestVersion: number;
  enabled: boolean;
  onCreated: (id: string) => void;
}) {
  const [state, setState] = useState<SaveState>(opts.workflowId ? { kind: 'saved', version: opts.latestVersion, at: new Date() } : { kind: 'new' });
  const idRef = useRef(opts.workflowId);
  const pending = useRef<{ wf: WorkflowJson; valid: boolean; errors: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const onCreated = useRef(opts.onCreated);
  onCreated.current = opts.onCreated;
  const draftKey = `parley.workflow-draft.${opts.workflowId ?? 'new'}`;

  const flush = useCallback(async (): Promise<number | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    const job = pending.current;
    if (!job) return state.kind === 'saved' ? state.version : null;
    if (!job.valid) {
      setState({ kind: 'invalid', count: job.errors });
      return null;
    }
    pending.current = null;
    setState({ kind: 'saving' });
    const run = (async () => {
      if (!idRef.current) {
        const r = await createWorkflowAction({ workflow: job.wf });
        if (!r.ok) return setState({ kind: 'error', message: r.error }), null;
        idRef.current = r.data.id;
        localStorage.removeItem(draftKey);
        setState({ kind: 'saved', version: r.data.version, at: new Date() });
        onCreated.current(r.data.id);
        return r.data.version;
      }
      const r = await saveWorkflowAction({ id: idRef.current, workflow: job.wf });
      if (!r.ok) return setState({ kind: 'error', message: r.error }), null;
      if (!pending.current) localStorage.removeItem(draftKey);
      setState(pending.current ? { kind: 'dirty' } : { kind: 'saved', version: r.data.version, at: new Date() });
      return r.data.version;
    })();
    inFlight.current = run;
    const version = await run;
    inFlight.current = null;
    return version;
  }, [draftKey, state]);

  const flushRef = useRef(flush);
  flushRef.current = flush;

  /** Called on every edit. */
  const changed = useCallback(
    (wf: WorkflowJson, errors: number) => {
      if (!opts.enabled) return;
      try {
        localStorage.setItem(draftKey, JSON.stringify({ savedAt: Date.now(), workflow: wf }));
      } catch {
        /* storage full or blocked: the server copy still works */
      }
      pending.current = { wf, valid: errors === 0, errors };
      setState(errors ? { kind: 'invalid', count: errors } : { kind: 'dirty' });
      if (timer.current) clearTimeout(timer.current);
      if (errors === 0) timer.current = setTimeout(() => void flushRef.current(), DELAY_MS);
    },
    [opts.enabled, draftKey],
  );

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const readLocalDraft = useCallback((): { savedAt: number; workflow: WorkflowJson } | null => {
    try {
      const raw = localStorage.getItem(draftKey);
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  }, [draftKey]);

  const discardLocalDraft = useCallback(() => localStorage.removeItem(draftKey), [draftKey]);

  return { state, changed, flush, readLocalDraft, discardLocalDraft, workflowId: () => idRef.current };
}
