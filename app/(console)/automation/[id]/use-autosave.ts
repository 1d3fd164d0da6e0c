'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { SavedLayout } from '@/lib/automation/graph/saved-layout';
import type { WorkflowJson } from '@/lib/automation/graph/types';
import { createWorkflowAction, saveWorkflowAction } from '../actions';

export type SaveState =
  | { kind: 'saved'; version: number; at: Date }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'invalid'; count: number }
  | { kind: 'error'; message: string }
  | { kind: 'new' };

export type LocalDraft = { savedAt: number; workflow: WorkflowJson; layout?: SavedLayout };

const DELAY_MS = 1500;

/**
 * Draft autosave: every edit is kept in this browser at once (so nothing is lost, even while the
 * workflow is invalid); a valid workflow is also saved to the server a moment after the last edit,
 * over the workflow's open draft version (see saveWorkflowDraft), with the canvas positions beside
 * it. Moving nodes saves the positions the same way. The first save of a new workflow creates it
 * and moves to its URL.
 */
export function useAutosave(opts: {
  workflowId: string | null;
  latestVersion: number;
  /** The workflow as opened: saved, so valid (a new one is not). */
  initial: WorkflowJson;
  enabled: boolean;
  getLayout: () => SavedLayout | undefined;
  onCreated: (id: string) => void;
}) {
  const [state, setState] = useState<SaveState>(opts.workflowId ? { kind: 'saved', version: opts.latestVersion, at: new Date() } : { kind: 'new' });
  const idRef = useRef(opts.workflowId);
  const pending = useRef<{ wf: WorkflowJson; valid: boolean; errors: number } | null>(null);
  // The newest workflow known to be valid: what a positions-only save sends again.
  const lastValid = useRef<WorkflowJson | null>(opts.workflowId ? opts.initial : null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const onCreated = useRef(opts.onCreated);
  onCreated.current = opts.onCreated;
  const getLayout = useRef(opts.getLayout);
  getLayout.current = opts.getLayout;
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
    const layout = getLayout.current();
    const run = (async () => {
      if (!idRef.current) {
        const r = await createWorkflowAction({ workflow: job.wf, layout });
        if (!r.ok) return (setState({ kind: 'error', message: r.error }), null);
        idRef.current = r.data.id;
        localStorage.removeItem(draftKey);
        setState({ kind: 'saved', version: r.data.version, at: new Date() });
        onCreated.current(r.data.id);
        return r.data.version;
      }
      const r = await saveWorkflowAction({ id: idRef.current, workflow: job.wf, layout });
      if (!r.ok) return (setState({ kind: 'error', message: r.error }), null);
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

  const keepLocally = useCallback(
    (wf: WorkflowJson) => {
      try {
        localStorage.setItem(draftKey, JSON.stringify({ savedAt: Date.now(), workflow: wf, layout: getLayout.current() } satisfies LocalDraft));
      } catch {
        /* storage full or blocked: the server copy still works */
      }
    },
    [draftKey],
  );

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), DELAY_MS);
  }, []);

  /** Called with every checked edit of the workflow. */
  const changed = useCallback(
    (wf: WorkflowJson, errors: number) => {
      if (!opts.enabled) return;
      keepLocally(wf);
      pending.current = { wf, valid: errors === 0, errors };
      if (errors === 0) lastValid.current = wf;
      setState(errors ? { kind: 'invalid', count: errors } : { kind: 'dirty' });
      if (timer.current) clearTimeout(timer.current);
      if (errors === 0) schedule();
    },
    [opts.enabled, keepLocally, schedule],
  );

  /** Nodes moved: save their positions with the newest valid workflow (an invalid one waits for a fix, and takes them along). */
  const layoutChanged = useCallback(() => {
    if (!opts.enabled) return;
    if (pending.current) {
      keepLocally(pending.current.wf);
      if (pending.current.valid) schedule();
      return;
    }
    if (!lastValid.current) return;
    keepLocally(lastValid.current);
    pending.current = { wf: lastValid.current, valid: true, errors: 0 };
    setState({ kind: 'dirty' });
    schedule();
  }, [opts.enabled, keepLocally, schedule]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const readLocalDraft = useCallback((): LocalDraft | null => {
    try {
      const raw = localStorage.getItem(draftKey);
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  }, [draftKey]);

  const discardLocalDraft = useCallback(() => localStorage.removeItem(draftKey), [draftKey]);

  return { state, changed, layoutChanged, flush, readLocalDraft, discardLocalDraft, workflowId: () => idRef.current };
}
