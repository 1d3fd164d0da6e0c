'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ArrowLeft, CircleAlert, Download, History, MonitorSmartphone, Play, Upload } from 'lucide-react';
import { toast } from 'sonner';
import { draftHasUnsavedPaths, draftOf, nodesOfDraft, sameWorkflow, type EditorDraft } from '@/lib/automation/graph/editor-draft';
import { plainProblems } from '@/lib/automation/graph/plain-problems';
import type { SavedLayout } from '@/lib/automation/graph/saved-layout';
import type { WorkflowJson } from '@/lib/automation/graph/types';
import { FlowEditor, type FlowEditorHandle, type RunPath } from '@/components/flow-editor/flow-editor';
import type { SubAccountOption, TemplateOption } from '@/components/flow-editor/editor-context';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { publishWorkflowAction, setWorkflowStatusAction } from '../actions';
import { HistoryDialog } from './history-dialog';
import { ExportDialog, ImportDialog } from './import-export-dialogs';
import { ProblemsPanel } from './problems-panel';
import { PublishDialog } from './publish-dialog';
import { SaveIndicator } from './save-indicator';
import { TestRunPanel } from './test-run-panel';
import { useAutosave } from './use-autosave';
import { useNarrowScreen } from './use-narrow-screen';
import { useValidation } from './use-validation';

const NONE: Array<{ path: string; message: string }> = [];
// The secondary header actions show their labels on wide screens only, so at 1280 px the header
// (name, state, actions) stays one row and the canvas keeps the height.
const WIDE_ONLY = 'hidden 2xl:inline';

export type EditorInitial = {
  id: string | null;
  status: string;
  latestVersion: number;
  /** The version on the canvas (an older one when showing a past run). */
  shownVersion?: number;
  publishedVersion: number | null;
  updatedAt: string | null;
  body: WorkflowJson;
  /** Where the nodes were left (null: laid out automatically). */
  layout?: SavedLayout | null;
};

export function WorkflowEditorClient({
  accountId,
  origin,
  env,
  canEdit,
  canPublish,
  initial,
  instanceId,
}: {
  accountId: string;
  origin: string;
  env: { subAccounts: SubAccountOption[]; templates: TemplateOption[] };
  canEdit: boolean;
  canPublish: boolean;
  initial: EditorInitial;
  /** A past run to show on the graph (linked from Runs). */
  instanceId?: string | null;
}) {
  const editor = useRef<FlowEditorHandle>(null);
  const [name, setName] = useState(initial.body.definition.name ?? 'Untitled workflow');
  const [status, setStatus] = useState(initial.status);
  const [published, setPublished] = useState(initial.publishedVersion);
  const [workflowId, setWorkflowId] = useState(initial.id);
  const [draft, setDraft] = useState<WorkflowJson>(initial.body);
  const [showProblems, setShowProblems] = useState(false);
  const [dialog, setDialog] = useState<null | 'publish' | 'history' | 'import' | 'export' | 'test'>(null);
  const [runPath, setRunPath] = useState<RunPath | null>(null);
  const [viewInstance, setViewInstance] = useState<string | null>(instanceId ?? null);
  // On a phone-width screen the graph is shown read only: the canvas, the palette and the step's
  // properties cannot share 390 px, and dragging nodes and handles needs a pointer finer than a finger.
  const narrow = useNarrowScreen();
  const editable = canEdit && !narrow;
  // Stable, so saving and validating (which re-render this page) do not re-render every node's panel.
  const editorEnv = useMemo(
    () => ({ accountId, origin, subAccounts: env.subAccounts, templates: env.templates, readOnly: !editable }),
    [accountId, origin, env.subAccounts, env.templates, editable],
  );

  // What would be saved: the canvas plus the name kept in this header.
  // (The status is not part of it: enable/disable is its own action, saved apart from versions.)
  const full = useMemo<WorkflowJson>(() => ({ ...draft, status: 'disabled', definition: { ...draft.definition, name } }), [draft, name]);
  // Checked in a worker; until the first answer the workflow as opened counts as valid (it was saved).
  const validation = useValidation(full);
  const errors = validation?.errors ?? NONE;
  const warnings = validation?.warnings ?? NONE;
  // What the Problems panel lists, and so what its button counts: errors and warnings alike.
  const problems = useMemo(() => plainProblems(validation?.workflow ?? full, errors, warnings), [validation, full, errors, warnings]);

  const nameRef = useRef(name);
  nameRef.current = name;
  const autosave = useAutosave({
    workflowId: initial.id,
    latestVersion: initial.latestVersion,
    initial: initial.body,
    enabled: editable,
    getLayout: () => editor.current?.getLayout(),
    getDraft: () => {
      const ed = editor.current;
      if (!ed) return undefined;
      const wf = ed.getWorkflow();
      return draftOf({ ...wf, status: 'disabled', definition: { ...wf.definition, name: nameRef.current } }, ed.getNodes());
    },
    onCreated: (id) => {
      setWorkflowId(id);
      window.history.replaceState(null, '', `/automation/${id}`);
    },
  });
  const { changed, layoutChanged, keepLocally, readLocalDraft, discardLocalDraft } = autosave;
  const [restorable, setRestorable] = useState<EditorDraft | null>(null);

  // A draft kept in this browser: the saved workflow with paths not connected yet opens as it was
  // left; other changes newer than the saved version are offered back ("Restore them").
  useEffect(() => {
    if (!canEdit) return;
    const local = readLocalDraft();
    if (!local) return;
    if (sameWorkflow(local.workflow, full)) {
      if (draftHasUnsavedPaths(local)) editor.current?.restoreDraft(local.workflow, nodesOfDraft(local, { selection: false }), { quiet: true });
      else discardLocalDraft();
    } else if (!initial.updatedAt || local.savedAt > Date.parse(initial.updatedAt)) setRestorable(local);
    else discardLocalDraft();
    // Only on first load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const restore = (local: EditorDraft) => {
    editor.current?.restoreDraft(local.workflow, nodesOfDraft(local));
    if (local.workflow.definition?.name) setName(String(local.workflow.definition.name));
    setRestorable(null);
  };

  // Every edit (canvas or name) reaches autosave once it is checked; the first answer is about the
  // workflow as opened, which needs no saving.
  useEffect(() => {
    if (validation && validation.seq > 1) changed(validation.workflow, validation.errors.length);
  }, [validation, changed]);

  const onCanvasChange = useCallback(
    (wf: WorkflowJson) => {
      setDraft(wf);
      setRunPath(null);
      // Kept at once, not after the check: leaving right after an edit must not lose it.
      keepLocally();
    },
    [keepLocally],
  );

  const importInto = useCallback((wf: WorkflowJson, layout?: SavedLayout | null) => {
    editor.current?.importWorkflow(wf, layout);
    if (wf.definition?.name) setName(String(wf.definition.name));
  }, []);

  const publish = async (note: string) => {
    const version = await autosave.flush();
    const id = autosave.workflowId();
    if (!id || version == null) {
      toast.error('Fix the problems first: only a valid workflow can be published');
      return false;
    }
    const r = await publishWorkflowAction({ id, version, note: note || undefined });
    if (!r.ok) return (toast.error(r.error), false);
    setPublished(r.data.publishedVersion);
    toast.success(`Published version ${r.data.publishedVersion}`);
    // No router.refresh(): on a workflow created from /automation/new it would remount the editor
    // (the URL was replaced in place) and drop an open test run; local state already follows.
    return true;
  };

  const toggleStatus = async () => {
    if (!workflowId) return;
    const next = status === 'enabled' ? 'disabled' : 'enabled';
    const r = await setWorkflowStatusAction({ id: workflowId, status: next });
    if (!r.ok) return void toast.error(r.error);
    setStatus(r.data.status);
    toast.success(r.data.status === 'enabled' ? 'Enabled: the trigger starts new runs' : 'Disabled: no new runs start');
  };

  const errorCount = errors.length;
  const testOpen = !!workflowId && (dialog === 'test' || !!viewInstance);
  return (
    <div className="-mx-4 -my-6 flex h-[calc(100dvh-3.5rem)] flex-col gap-2 p-3 md:-mx-8">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="ghost" size="icon" asChild aria-label="Back to workflows">
          <Link href="/automation">
            <ArrowLeft />
          </Link>
        </Button>
        <input
          aria-label="Workflow name"
          value={name}
          // A long name is cut at the field's width: an ellipsis says so, the tooltip gives all of it.
          title={name}
          readOnly={!canEdit}
          onChange={(e) => setName(e.target.value)}
          className="field-sizing-content h-8 min-w-32 max-w-xs text-ellipsis rounded-md border border-transparent bg-transparent px-2 text-base font-semibold hover:border-input focus-visible:border-input focus-visible:outline-none"
        />
        <Badge tone={status === 'enabled' ? 'success' : 'neutral'} data-testid="workflow-status">
          {status === 'enabled' ? 'Enabled' : 'Disabled'}
        </Badge>
        <Badge tone={published ? 'info' : 'warning'} data-testid="published-version">
          {published ? `v${published} published` : 'Not published'}
        </Badge>
        {editable ? <SaveIndicator state={autosave.state} errors={errorCount} published={published} /> : <Badge>Read only</Badge>}
        <div className="ml-auto flex flex-wrap items-center gap-1.5">
          <Button
            variant={problems.length ? 'outline' : 'ghost'}
            size="sm"
            onClick={() => setShowProblems((s) => !s)}
            className={errorCount ? 'border-destructive text-destructive' : problems.length ? 'border-[var(--warning)] text-[var(--warning)]' : ''}
          >
            <CircleAlert /> {problems.length ? `${problems.length} problem${problems.length > 1 ? 's' : ''}` : 'Validate'}
          </Button>
          {editable ? (
            <Button variant="ghost" size="sm" onClick={() => setDialog('import')} aria-label="Import" title="Import workflow JSON">
              <Upload /> <span className={WIDE_ONLY}>Import</span>
            </Button>
          ) : null}
          <Button variant="ghost" size="sm" onClick={() => setDialog('export')} aria-label="Export" title="Export workflow JSON">
            <Download /> <span className={WIDE_ONLY}>Export</span>
          </Button>
          {workflowId ? (
            <Button variant="ghost" size="sm" onClick={() => setDialog('history')} aria-label="History" title="Version history">
              <History /> <span className={WIDE_ONLY}>History</span>
            </Button>
          ) : null}
          {workflowId && !narrow ? (
            <Button variant="outline" size="sm" onClick={() => (setViewInstance(null), setDialog('test'))} disabled={errorCount > 0}>
              <Play /> Test run
            </Button>
          ) : null}
          {canPublish && workflowId && published ? (
            <Button variant="outline" size="sm" onClick={toggleStatus}>
              {status === 'enabled' ? 'Disable' : 'Enable'}
            </Button>
          ) : null}
          {canPublish && workflowId ? (
            <Button size="sm" onClick={() => setDialog('publish')}>
              Publish
            </Button>
          ) : null}
        </div>
      </div>
      {initial.shownVersion && initial.shownVersion !== initial.latestVersion ? (
        <div className="rounded-md border bg-muted px-3 py-1.5 text-sm">
          Showing version {initial.shownVersion}, the one this run used (read only).{' '}
          <Link className="text-primary underline-offset-2 hover:underline" href={`/automation/${initial.id}`}>
            Open the latest version
          </Link>
        </div>
      ) : null}
      {narrow ? (
        <div className="flex items-start gap-2 rounded-md border bg-muted px-3 py-2 text-sm" role="note">
          <MonitorSmartphone className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <span>
            <span className="font-medium">Editing needs a wider screen.</span> Here the workflow is shown read only: open it on a screen at least 768 px wide to
            change it.
          </span>
        </div>
      ) : null}
      {restorable && !narrow ? (
        <div className="flex items-center gap-2 rounded-md border border-[var(--warning)]/40 bg-amber-50 px-3 py-1.5 text-sm dark:bg-amber-500/10">
          This browser has unsaved changes from an earlier session.
          <Button size="sm" variant="outline" onClick={() => restore(restorable)}>
            Restore them
          </Button>
          <Button size="sm" variant="ghost" onClick={() => (discardLocalDraft(), setRestorable(null))}>
            Discard
          </Button>
        </div>
      ) : null}
      {/* The test run is a column beside the canvas, not a layer over it: floating, it covered the
          properties panel and the canvas's Shortcuts button. */}
      <div className="flex min-h-0 flex-1 flex-col gap-2 md:flex-row">
        <div className="min-h-0 min-w-0 flex-1">
          <FlowEditor
            ref={editor}
            initialWorkflow={initial.body}
            initialLayout={initial.layout}
            env={editorEnv}
            problems={validation?.byStep}
            runPath={runPath}
            onChange={onCanvasChange}
            onLayoutChange={layoutChanged}
            hideProperties={testOpen || narrow}
          />
        </div>
        {testOpen && workflowId ? (
          <TestRunPanel
            workflowId={workflowId}
            workflow={full}
            instanceId={dialog === 'test' ? null : viewInstance}
            onClose={() => (setDialog(null), setViewInstance(null))}
            onPath={setRunPath}
            flush={autosave.flush}
            onFocus={(id) => editor.current?.focusStep(id)}
          />
        ) : null}
      </div>
      {showProblems ? <ProblemsPanel problems={problems} onFocus={(id) => editor.current?.focusStep(id)} onClose={() => setShowProblems(false)} /> : null}
      <PublishDialog
        open={dialog === 'publish'}
        onOpenChange={(o) => setDialog(o ? 'publish' : null)}
        onPublish={publish}
        blocked={errorCount ? `Fix ${errorCount} problem${errorCount > 1 ? 's' : ''} before publishing.` : null}
      />
      {workflowId ? (
        <HistoryDialog
          workflowId={workflowId}
          open={dialog === 'history'}
          onOpenChange={(o) => setDialog(o ? 'history' : null)}
          canPublish={canPublish}
          onOpenVersion={(wf, v, layout) => {
            importInto(wf, layout);
            toast.info(`Opened version ${v} on the canvas: it becomes the draft (Undo brings the previous canvas back)`);
          }}
          onRolledBack={(wf, v, layout) => {
            importInto(wf, layout);
            setPublished(v);
          }}
        />
      ) : null}
      <ImportDialog open={dialog === 'import'} onOpenChange={(o) => setDialog(o ? 'import' : null)} onImport={importInto} />
      <ExportDialog
        open={dialog === 'export'}
        onOpenChange={(o) => setDialog(o ? 'export' : null)}
        workflow={
          dialog === 'export'
            ? editor.current
              ? { ...editor.current.getWorkflow(), status, definition: { ...editor.current.getWorkflow().definition, name } }
              : full
            : null
        }
      />
    </div>
  );
}
