'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { draftHasUnsavedPaths, readDraft, type EditorDraft } from '@/lib/automation/graph/editor-draft';
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
  /** The canvas as it is now, to keep in this browser (see EditorDraft). */
  getDraft: () => EditorDraft | undefined;
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
  const getDraft = useRef(opts.getDraft);
  getDraft.current = opts.getDraft;
  // A new workflow's draft moves to its own key once the first save has given it an id.
  const draftKey = useCallback(() => `parley.workflow-draft.${idRef.current ?? 'new'}`, []);
  /**
   * Once the server has the draft, the browser's copy goes, unless it holds paths not connected yet,
   * which the saved JSON cannot: it is kept so the canvas opens with them next time.
   */
  const dropSavedDraft = useCallback(() => {
    const draft = getDraft.current();
    if (draft && draftHasUnsavedPaths(draft)) keepDraft(draftKey(), draft);
    else localStorage.removeItem(draftKey());
  }, [draftKey]);

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
        localStorage.removeItem(draftKey());
        idRef.current = r.data.id;
        dropSavedDraft();
        setState({ kind: 'saved', version: r.data.version, at: new Date() });
        onCreated.current(r.data.id);
        return r.data.version;
      }
      const r = await saveWorkflowAction({ id: idRef.current, workflow: job.wf, layout });
      if (!r.ok) return (setState({ kind: 'error', message: r.error }), null);
      if (!pending.current) dropSavedDraft();
      setState(pending.current ? { kind: 'dirty' } : { kind: 'saved', version: r.data.version, at: new Date() });
      return r.data.version;
    })();
    inFlight.current = run;
    const version = await run;
    inFlight.current = null;
    return version;
  }, [dropSavedDraft, draftKey, state]);

  const flushRef = useRef(flush);
  flushRef.current = flush;

  /** Keeps the canvas as it is now in this browser: called on every edit and move, before any check or save. */
  const keepLocally = useCallback(() => {
    if (!opts.enabled) return;
    const draft = getDraft.current();
    if (draft) keepDraft(draftKey(), draft);
  }, [opts.enabled, draftKey]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), DELAY_MS);
  }, []);

  /** Called with every checked edit of the workflow. */
  const changed = useCallback(
    (wf: WorkflowJson, errors: number) => {
      if (!opts.enabled) return;
      keepLocally();
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
    keepLocally();
    if (pending.current) {
      if (pending.current.valid) schedule();
      return;
    }
    if (!lastValid.current) return;
    pending.current = { wf: lastValid.current, valid: true, errors: 0 };
    setState({ kind: 'dirty' });
    schedule();
  }, [opts.enabled, keepLocally, schedule]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const readLocalDraft = useCallback((): EditorDraft | null => {
    try {
      return readDraft(localStorage.getItem(draftKey()));
    } catch {
      return null;
    }
  }, [draftKey]);

  const discardLocalDraft = useCallback(() => localStorage.removeItem(draftKey()), [draftKey]);

  return { state, changed, layoutChanged, keepLocally, flush, readLocalDraft, discardLocalDraft, workflowId: () => idRef.current };
}

function keepDraft(key: string, draft: EditorDraft) {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    /* storage full or blocked: the server copy still works */
  }
}
